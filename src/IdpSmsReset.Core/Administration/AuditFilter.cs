namespace IdpSmsReset.Core.Administration;

/// <summary>
/// Which audit events to show or export: of one type, about one user (by username), by one actor, from the start of
/// <see cref="From"/> to before <see cref="Until"/> (UTC). Empty parts filter nothing.
/// </summary>
public sealed record AuditFilter(string? Type = null, string? UserName = null, string? Actor = null, DateTime? From = null,
    DateTime? Until = null);
