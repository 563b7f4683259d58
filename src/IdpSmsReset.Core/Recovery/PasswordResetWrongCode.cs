namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// One wrong reset code, whatever flow it was typed into: what the per-account and per-address budgets of wrong
/// codes count, so that starting a new flow (and so a new code) does not start the guessing over.
/// </summary>
public sealed class PasswordResetWrongCode
{
    public Guid Id { get; set; }

    public Guid FlowId { get; set; }

    /// <summary>The account the flow's name matched; null when none did (only the address budget counts it).</summary>
    public string? UserId { get; set; }

    /// <summary>See <see cref="ClientNetwork"/>.</summary>
    public string? ClientNetwork { get; set; }

    public DateTime EnteredAt { get; set; }
}
