namespace IdpSmsReset.Core.Policies;

public sealed class MfaRules
{
    /// <summary>SMS codes as a second factor. Default off.</summary>
    public bool SmsEnabled { get; set; }

    /// <summary>Authenticator app (TOTP) codes as a second factor. Default on.</summary>
    public bool TotpEnabled { get; set; } = true;

    /// <summary>Passkeys (WebAuthn) as a second factor, offered before the others. Default off.</summary>
    public bool PasskeyEnabled { get; set; }

    /// <summary>
    /// Users may sign in with a passkey alone; one that verified its user (PIN, fingerprint) counts as both factors,
    /// so it meets <see cref="Require"/>. Needs <see cref="PasskeyEnabled"/>. Default off.
    /// </summary>
    public bool Passwordless { get; set; }

    /// <summary>Default <see cref="MfaRequirement.Never"/>.</summary>
    public MfaRequirement Require { get; set; } = MfaRequirement.Never;
}

public enum MfaRequirement
{
    Never,
    Always,
}
