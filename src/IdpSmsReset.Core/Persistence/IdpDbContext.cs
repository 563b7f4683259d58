using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>One context for Identity, OpenIddict and the domain, so one transaction can span them.</summary>
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Registered here rather than on the options so that design-time tooling sees the same model.
        builder.UseOpenIddict();

        builder.Entity<ApplicationUser>().Property(user => user.DisplayName).HasMaxLength(256);
    }
}
