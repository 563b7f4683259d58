namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// What one line of a JSON lines file (or one entry of a Keycloak export's <c>users</c>, counted from 1) held: a user, or
/// why it is none.
/// </summary>
public sealed record UserImportLine(int Line, ImportedUser? User, string? Problem);
