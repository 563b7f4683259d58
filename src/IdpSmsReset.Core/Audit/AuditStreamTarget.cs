namespace IdpSmsReset.Core.Audit;

/// <summary>Where the audit stream writes (<see cref="AuditOptions.Stream"/>).</summary>
public enum AuditStreamTarget
{
    None,
    Stdout,
    File,
}
