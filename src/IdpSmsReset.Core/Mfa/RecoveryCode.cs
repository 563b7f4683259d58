namespace IdpSmsReset.Core.Mfa;

/// <summary>One of a user's single-use recovery codes for the authenticator app, kept as a SHA-256 hash.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required byte[] CodeHash { get; set; }

    public DateTime? UsedAt { get; set; }
}
