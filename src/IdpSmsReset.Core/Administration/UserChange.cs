namespace IdpSmsReset.Core.Administration;

/// <summary>
/// A user as an administrator saves it. <see cref="Id"/> null creates one (then <see cref="UserName"/> is required and
/// <see cref="Password"/> or <see cref="PasswordHash"/> optional: the hash of another system, verified at the first
/// sign-in); <see cref="Attributes"/> are <c>name=value</c> lines and replace the user's.
/// </summary>
public sealed record UserChange(
    string? Id,
    string? UserName,
    string? Password,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? PolicyId,
    bool IsAdministrator,
    string? Attributes,
    string? PasswordHash = null);
