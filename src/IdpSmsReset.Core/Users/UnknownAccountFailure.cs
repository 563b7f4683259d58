namespace IdpSmsReset.Core.Users;

/// <summary>
/// Wrong passwords typed for a name that matches no account, kept in the database like a real account's count, so
/// every instance (and a restarted one) locks the made-up name exactly as it would lock a real one. The name itself is
/// not stored, only its hash: people type their password into the name field.
/// </summary>
public sealed class UnknownAccountFailure
{
    /// <summary>SHA-256 of the upper-cased name, as hex.</summary>
    public required string NameHash { get; set; }

    public int FailedCount { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime LastFailedAt { get; set; }
}
