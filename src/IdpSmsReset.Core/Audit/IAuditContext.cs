namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Where an audited action came from, as far as the request says: the client's address, its browser family and the
/// application it signs in to. Background work has none (<see cref="NoAuditContext"/>).
/// </summary>
public interface IAuditContext
{
    string? ClientAddress { get; }

    /// <summary>A family such as <c>Chrome</c> or <c>curl</c> (see <see cref="UserAgentFamily"/>), never the whole header.</summary>
    string? UserAgentFamily { get; }

    /// <summary>The OAuth client the request is for, when it is for one.</summary>
    string? ClientId { get; }
}
