namespace IdpSmsReset.Core.Passkeys;

/// <summary>When a passkey last signed its user in (Identity keeps when it was made, not when it was used).</summary>
public sealed class PasskeyUse
{
    /// <summary>The credential id, hex: Identity's own key for the passkey.</summary>
    public required string CredentialId { get; set; }

    public required string UserId { get; set; }

    public DateTime LastUsedAt { get; set; }
}
