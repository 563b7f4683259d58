using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SecurityPolicyConfiguration : IEntityTypeConfiguration<SecurityPolicy>
{
    public void Configure(EntityTypeBuilder<SecurityPolicy> entity)
    {
        entity.ToTable("SecurityPolicies");
        entity.Property(policy => policy.Name).HasMaxLength(128);
        entity.HasIndex(policy => policy.Name).IsUnique();
        // Each section is a group of columns of the policy's row (Password_MinLength, ...).
        entity.OwnsOne(policy => policy.Password);
        entity.OwnsOne(policy => policy.Lockout);
        entity.OwnsOne(policy => policy.Mfa, mfa => mfa.Property(rules => rules.Require).HasConversion<string>().HasMaxLength(16));
        entity.OwnsOne(policy => policy.PasswordReset);
        entity.Navigation(policy => policy.Password).IsRequired();
        entity.Navigation(policy => policy.Lockout).IsRequired();
        entity.Navigation(policy => policy.Mfa).IsRequired();
        entity.Navigation(policy => policy.PasswordReset).IsRequired();
    }
}
