using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// Identity's store, saving only the columns a request changed. Identity's own update marks every column modified, so a
/// request that set the user's language wrote back the password hash it had read, over the one
/// <see cref="ForeignPasswords.PasswordHashUpgrades"/> had written meanwhile. The concurrency stamp still guards the row.
/// </summary>
public sealed class IdpUserStore(IdpDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, IdpDbContext>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (Context.Entry(user).State == EntityState.Detached)
        {
            // Not read through this context: nothing tells which columns changed, so all are written, as Identity does.
            return await base.UpdateAsync(user, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await SaveChanges(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        return IdentityResult.Success;
    }
}
