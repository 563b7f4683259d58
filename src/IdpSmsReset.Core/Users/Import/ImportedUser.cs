namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// One user of an import: a bootstrap file's user (<see cref="Bootstrap.BootstrapUser"/>) and what only a move from
/// another system has. A password or its hash, the required actions, the authenticator secret and the creation time are
/// set when the user is created only: an import run again with <see cref="UserImportOptions.Update"/> updates the
/// profile (display name, e-mail, phone number, policy, attributes, roles), never a password the user may have changed.
/// </summary>
public sealed class ImportedUser
{
    public string? UserName { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>A password in clear, checked against the user's policy and hashed (slow: prefer <see cref="PasswordHash"/>).</summary>
    public string? Password { get; init; }

    /// <summary>The hash of the system the user comes from (see <see cref="ForeignPasswords.ForeignPasswordHash"/>).</summary>
    public string? PasswordHash { get; init; }

    /// <summary>E.164 or any form libphonenumber reads with a country code.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>
    /// Whether the number was proved by the old system. Default false: reset codes go only to a verified number, and the
    /// user is asked to verify it where the policy uses SMS.
    /// </summary>
    public bool PhoneNumberVerified { get; init; }

    /// <summary>The user's authenticator app secret (Base32, as in an <c>otpauth://</c> URI): the app keeps working.</summary>
    public string? TotpSecret { get; init; }

    public List<string> RequiredActions { get; init; } = [];

    /// <summary>When the old system created the user; default: the time of the import.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>False imports the user disabled (Keycloak's <c>enabled</c>).</summary>
    public bool Enabled { get; init; } = true;

    public List<string> Roles { get; init; } = [];

    public string? Policy { get; init; }

    public Dictionary<string, string> Attributes { get; init; } = [];
}
