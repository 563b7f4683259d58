namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:Sms:Twilio</c> configuration section (the account itself lives in the database).</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Idp:Sms:Twilio";

    /// <summary>
    /// <c>Idp:Sms:Twilio:ApiBaseUrl</c>: where the Twilio client sends. Default: <c>https://api.twilio.com</c>. Tests point
    /// it at WireMock, the <c>fake-twilio</c> compose profile at its WireMock container.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary><c>Idp:Sms:Twilio:Timeout</c>: one call to Twilio, after which it counts as a transient failure. Default: 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
