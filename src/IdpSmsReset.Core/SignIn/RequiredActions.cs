using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// What a user must do at the next sign-in before any application gets a code (Keycloak's required actions), set by an
/// administrator, the bootstrap or a temporary password, and cleared when done. Stored on the user as a comma-separated
/// list (<see cref="ApplicationUser.RequiredActions"/>).
/// </summary>
public static class RequiredActions
{
    /// <summary>Choose a new password (after a temporary one): asked once both factors are shown.</summary>
    public const string UpdatePassword = "update-password";

    /// <summary>Set up a second factor, whatever the policy says: asked like a policy requiring one; done once there is one.</summary>
    public const string ConfigureSecondFactor = "configure-second-factor";

    /// <summary>
    /// Verify a mobile number by a code sent to it (a number the administrator typed, or none yet): asked after the
    /// password (after <see cref="UpdatePassword"/>), where the user's policy lets SMS be used; done once a number is
    /// verified, so a user whose number already is has nothing to do (as Keycloak's verify-email).
    /// </summary>
    public const string VerifyPhone = "verify-phone";

    public static readonly IReadOnlyList<string> All = [UpdatePassword, ConfigureSecondFactor, VerifyPhone];

    public static IReadOnlyList<string> Of(ApplicationUser user) =>
        user.RequiredActions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool Has(ApplicationUser user, string action) => Of(user).Contains(action);

    /// <summary>Sets the list (unknown names are refused by the caller's validation: see <see cref="Unknown"/>).</summary>
    public static void Set(ApplicationUser user, IEnumerable<string> actions) =>
        user.RequiredActions = string.Join(',', All.Where(actions.Contains));

    public static void Add(ApplicationUser user, string action) => Set(user, [.. Of(user), action]);

    public static void Remove(ApplicationUser user, string action) => Set(user, Of(user).Where(other => other != action));

    public static IReadOnlyList<string> Unknown(IEnumerable<string> actions) => [.. actions.Where(action => !All.Contains(action))];
}
