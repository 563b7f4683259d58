namespace IdpSmsReset.Core.Bootstrap;

/// <summary>A user the bootstrap file declares.</summary>
public sealed class BootstrapUser
{
    public string? UserName { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Set when the user is created only, so that a password the user changed is not reverted at restart.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Instead of <see cref="Password"/>: the hash the user's password has in the system the user comes from (bcrypt, PBKDF2
    /// or Argon2id in PHC form, Django's, ASP.NET Core Identity's), replaced by this server's at the first sign-in. Set
    /// when the user is created only.
    /// </summary>
    public string? PasswordHash { get; init; }

    public string? PhoneNumber { get; init; }

    public List<string> Roles { get; init; } = [];

    /// <summary>The name of the user's security policy (in this file or already stored); omitted means the default.</summary>
    public string? Policy { get; init; }

    /// <summary>Custom attributes set (or overwritten) on the user; attributes not listed are kept.</summary>
    public Dictionary<string, string> Attributes { get; init; } = [];

    /// <summary>
    /// What the user must do at the first sign-in (<c>update-password</c>, <c>configure-second-factor</c>); set when the
    /// user is created only, like the password, so that an action done is not asked again at the next restart.
    /// </summary>
    public List<string> RequiredActions { get; init; } = [];
}
