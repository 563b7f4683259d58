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

    /// <summary>
    /// <c>Idp:Audit:Stream</c>: where each committed event also goes, one JSON line in the export's schema, for a log
    /// shipper to forward to a SIEM: <c>None</c> (default), <c>Stdout</c>, or <c>File</c> (<see cref="StreamPath"/>).
    /// With an OTLP endpoint configured, the events are OpenTelemetry log records too, whatever this says.
    /// </summary>
    public AuditStreamTarget Stream { get; set; } = AuditStreamTarget.None;

    /// <summary><c>Idp:Audit:StreamPath</c>: the file appended to when <see cref="Stream"/> is <c>File</c>; relative paths
    /// are under the content root. Default <c>App_Data/audit.jsonl</c>.</summary>
    public string StreamPath { get; set; } = "App_Data/audit.jsonl";

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Stream))
        {
            yield return "Idp:Audit:Stream must be None, Stdout or File.";
        }

        if (Stream == AuditStreamTarget.File && string.IsNullOrWhiteSpace(StreamPath))
        {
            yield return "Idp:Audit:StreamPath must name a file when Idp:Audit:Stream is File.";
        }

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

/// <summary>How much of a client's address the audit keeps (see <see cref="AuditOptions.Addresses"/>).</summary>
public enum AuditAddressDetail
{
    Full,
    Network,
}

/// <summary>Where the audit stream writes (<see cref="AuditOptions.Stream"/>).</summary>
public enum AuditStreamTarget
{
    None,
    Stdout,
    File,
}
