namespace IdpSmsReset.Core.Users.Import;

/// <summary>A line not imported, and why.</summary>
public sealed record UserImportRefusal(int Line, string? UserName, string Reason);
