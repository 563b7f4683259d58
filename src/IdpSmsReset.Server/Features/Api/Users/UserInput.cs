namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>
/// A user as a script sends it: the same shape as a bootstrap file's user. On update every field is replaced (a missing
/// one is cleared), as with the dashboard's form; <c>password</c> only sets the first one, at creation, or instead
/// <c>passwordHash</c>: the hash the user's password has in the system the user comes from (bcrypt, PBKDF2, Argon2id,
/// scrypt, Django's, Keycloak's credential, ASP.NET Core Identity's), verified and replaced at the first sign-in.
/// </summary>
public sealed record UserInput(
    string? UserName,
    string? Password,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? Policy,
    List<string>? Roles,
    Dictionary<string, string>? Attributes,
    string? PasswordHash = null);
