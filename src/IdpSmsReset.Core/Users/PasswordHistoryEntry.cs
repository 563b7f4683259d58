namespace IdpSmsReset.Core.Users;

/// <summary>A password a user had before (its hash only), kept for the policy's history rule.</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string PasswordHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
