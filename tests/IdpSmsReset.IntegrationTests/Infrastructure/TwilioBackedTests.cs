namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>A test class whose server sends its SMS to <see cref="FakeTwilio"/>.</summary>
public abstract class TwilioBackedTests
{
    protected TwilioBackedTests(IdpFactory factory, FakeTwilio twilio)
    {
        Factory = factory;
        Twilio = twilio;
        factory.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
    }

    protected IdpFactory Factory { get; }

    protected FakeTwilio Twilio { get; }
}
