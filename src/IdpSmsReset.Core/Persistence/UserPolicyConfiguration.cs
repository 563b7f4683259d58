using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class UserPolicyConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> entity) =>
        // A policy in use cannot be deleted (the service says so; the database refuses too).
        entity.HasOne<SecurityPolicy>().WithMany().HasForeignKey(user => user.SecurityPolicyId).OnDelete(DeleteBehavior.Restrict);
}
