namespace IdpSmsReset.Core.Audit;

public static class AuditActors
{
    public const string Anonymous = "anonymous";
    public const string System = "system";
}
