using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The first administrator of an installation, from two settings, made only while the database has no administrator:
/// the password given works once (the account must choose its own and set up a second factor at its first sign-in).
/// </summary>
public sealed class FirstAdministrator(
    IdpUserManager users, RoleManager<IdentityRole> roles, AuditLog audit, ILogger<FirstAdministrator> logger)
{
    public async Task EnsureAsync(string? userName, string? password, bool explainWhenMissing, CancellationToken cancellationToken)
    {
        var administrators = await users.GetUsersInRoleAsync(UserAdministration.AdministratorRole);
        if (administrators.Count > 0)
        {
            if (!string.IsNullOrWhiteSpace(userName))
            {
                logger.FirstAdministratorIgnored();
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            if (explainWhenMissing)
            {
                logger.NoAdministrator();
            }

            return;
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new BootstrapException($"Idp:BootstrapAdmin:UserName: a user named '{userName}' exists and is no administrator;"
                + " give a name no user has (the settings never promote an existing account).");
        }

        var user = new ApplicationUser { UserName = userName.Trim() };
        RequiredActions.Set(user, [RequiredActions.UpdatePassword, RequiredActions.ConfigureSecondFactor]);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new BootstrapException(
                $"Idp:BootstrapAdmin:Password: {string.Join(" ", created.Errors.Select(error => error.Description))}");
        }

        await UserAdministration.GrantAdministratorRoleAsync(users, roles, user);
        await audit.RaiseAsync(AuditEventTypes.FirstAdministratorCreated, "Idp:BootstrapAdmin", user.Id, null,
            "Made from the settings while no administrator existed.", cancellationToken);
        logger.FirstAdministratorCreated(user.UserName);
    }
}
