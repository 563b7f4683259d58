namespace IdpSmsReset.Server.Features.Account.Passkeys;

/// <summary>What the passkey pages say when a ceremony fails (translation keys).</summary>
public static class PasskeyTexts
{
    public const string CeremonyExpired = "The passkey request expired. Try again.";
    public const string NotAdded = "The passkey could not be added. Try again, or use another passkey.";
    public const string NotAccepted = "That passkey was not accepted. Try again, or use another way.";
    public const string NameRequired = "Give the passkey a name, so you can tell it from others.";
}
