namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Where committed audit events go besides the database, for a SIEM (<c>Idp:Audit:Stream</c>): called once a unit of
/// work commits, with its events, never for one rolled back. Must not throw or block for long.
/// </summary>
public interface IAuditStream
{
    void Publish(IReadOnlyList<AuditEvent> events);
}
