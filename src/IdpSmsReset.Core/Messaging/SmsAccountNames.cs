namespace IdpSmsReset.Core.Messaging;

/// <summary>The SMS factor's Twilio accounts, as the outbox, the breakers and the dashboard name them.</summary>
public static class SmsAccountNames
{
    public const string Primary = "primary";
    public const string Secondary = "secondary";

    public static string Other(string account) => account == Primary ? Secondary : Primary;
}
