namespace IdpSmsReset.Core.Audit;

/// <summary>Background work: no request, so nothing to say about one.</summary>
public sealed class NoAuditContext : IAuditContext
{
    public string? ClientAddress => null;

    public string? UserAgentFamily => null;

    public string? ClientId => null;
}
