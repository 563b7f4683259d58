using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// What a person may type to name their account, wherever they type it (sign-in, forgot password): the user name, or
/// the e-mail address.
/// </summary>
public static class AccountNames
{
    public static async Task<ApplicationUser?> FindByNameOrEmailAsync(this UserManager<ApplicationUser> users, string login) =>
        await users.FindByNameAsync(login) ?? (login.Contains('@') ? await users.FindByEmailAsync(login) : null);
}
