namespace IdpSmsReset.Core.Limits;

/// <summary>
/// One row per thing a limit counts (an address, say): the row a decision locks so that the decisions counting the same
/// thing take turns, on every instance (see <see cref="LimitGates"/>).
/// </summary>
public sealed class LimitGate
{
    public required string Key { get; set; }

    /// <summary>When a decision last took the gate; gates untouched for a day are pruned.</summary>
    public DateTime TouchedAt { get; set; }
}
