namespace IdpSmsReset.Core.Policies;

public sealed class MfaRules
{
    /// <summary>SMS codes as a second factor. Default off.</summary>
    public bool SmsEnabled { get; set; }

    /// <summary>Authenticator app (TOTP) codes as a second factor. Default on.</summary>
    public bool TotpEnabled { get; set; } = true;

    /// <summary>Default <see cref="MfaRequirement.Never"/>.</summary>
    public MfaRequirement Require { get; set; } = MfaRequirement.Never;
}
