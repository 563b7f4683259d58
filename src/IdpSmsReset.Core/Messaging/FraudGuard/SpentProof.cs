namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>A proof of work already accepted: its challenge is the key, so a second use fails on any instance.</summary>
public sealed class SpentProof
{
    public required string Challenge { get; set; }

    /// <summary>When the challenge would have expired anyway; pruned after.</summary>
    public DateTime ExpiresAt { get; set; }
}
