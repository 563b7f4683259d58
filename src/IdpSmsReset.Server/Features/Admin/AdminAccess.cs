using IdpSmsReset.Core.Administration;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>Who may use <c>/admin</c>: signed-in users with the administrator role (their policy's MFA applies as to anyone).</summary>
public static class AdminAccess
{
    public const string Role = UserAdministration.AdministratorRole;

    /// <summary>The authorization policy every page under <c>Features/Admin</c> requires (set by folder convention).</summary>
    public const string Policy = "Administrators";
}
