namespace IdpSmsReset.Core.Audit;

/// <summary>The audit log's settings (<c>Idp:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Idp:Audit";

    /// <summary>
    /// <c>Idp:Audit:RetainFor</c>: how long an event is kept; the hourly prune deletes older ones. Default: 400 days (a
    /// year and a season, so last year's review can still be read). Allowed: 1 to 3,650 days.
    /// </summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// <c>Idp:Audit:Addresses</c>: how much of a client's IP address an event records. <c>Full</c> (default) keeps the
    /// address; <c>Network</c> keeps only its network (IPv4 /24, IPv6 /48), where the law or the company's policy says
    /// an address is personal data not to be kept whole.
    /// </summary>
    public AuditAddressDetail Addresses { get; set; } = AuditAddressDetail.Full;

    public IEnumerable<string> Validate()
    {
        if (RetainFor < TimeSpan.FromDays(1) || RetainFor > TimeSpan.FromDays(3650))
        {
            yield return $"Idp:Audit:RetainFor must be between 1.00:00:00 and 3650.00:00:00; it is {RetainFor}.";
        }

        if (!Enum.IsDefined(Addresses))
        {
            yield return "Idp:Audit:Addresses must be Full or Network.";
        }
    }
}
