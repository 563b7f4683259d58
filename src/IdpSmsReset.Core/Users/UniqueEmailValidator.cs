using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// One e-mail address names one account, since sign-in and forgot password accept the address instead of the name.
/// Identity's own <c>RequireUniqueEmail</c> would also make the address mandatory; here an account may have none.
/// The unique index on <c>NormalizedEmail</c> holds it against a race.
/// </summary>
public sealed class UniqueEmailValidator : IUserValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var email = await manager.GetEmailAsync(user);
        if (string.IsNullOrWhiteSpace(email))
        {
            return IdentityResult.Success;
        }

        var owner = await manager.FindByEmailAsync(email);
        return owner is not null && owner.Id != user.Id
            ? IdentityResult.Failed(manager.ErrorDescriber.DuplicateEmail(email))
            : IdentityResult.Success;
    }
}
