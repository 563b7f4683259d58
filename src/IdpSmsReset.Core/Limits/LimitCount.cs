namespace IdpSmsReset.Core.Limits;

/// <summary>One occurrence a <see cref="Budget"/> counts, kept until no window can count it any more.</summary>
public sealed class LimitCount
{
    public long Id { get; set; }

    /// <summary>The <see cref="Budget.Name"/>.</summary>
    public required string Budget { get; set; }

    /// <summary>What the budget counts by: a <see cref="ClientNetwork"/>, an account id, an E.164 number, a country.</summary>
    public required string Subject { get; set; }

    /// <summary>
    /// The account the occurrence concerns, when one does: the account's erasure takes its rows along, including those
    /// whose subject is the phone number a code went to.
    /// </summary>
    public string? UserId { get; set; }

    public DateTime At { get; set; }
}
