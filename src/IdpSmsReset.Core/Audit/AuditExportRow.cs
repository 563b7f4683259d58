namespace IdpSmsReset.Core.Audit;

/// <summary>
/// One line of the audit export: the event, its outcome (<see cref="AuditEventCatalogue"/>) and the subject's name today.
/// </summary>
public sealed record AuditExportRow(AuditEvent Event, string? SubjectUserName)
{
    public string Outcome => AuditEventCatalogue.OutcomeOf(Event.Type);
}
