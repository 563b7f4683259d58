using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>One context for Identity, OpenIddict and the domain, so one transaction can span them.</summary>
// The base with TUserPasskey: the shorter IdentityDbContext<TUser> has no passkey table whatever the schema version.
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options) : IdentityDbContext<ApplicationUser, IdentityRole, string,
    IdentityUserClaim<string>, IdentityUserRole<string>, IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>,
    IdentityUserPasskey<string>>(options),
    IDataProtectionKeyContext
{
    /// <summary>Data Protection's key ring, shared by every instance so cookies and encrypted secrets survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();


    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity builds the schema version its options name (IdentitySchema: version 3, with passkeys).
        base.OnModelCreating(builder);

        // Registered here rather than on the options so that design-time tooling sees the same model.
        builder.UseOpenIddict();

        builder.Entity<ApplicationUser>().Property(user => user.DisplayName).HasMaxLength(256);
        builder.Entity<ApplicationUser>().Property(user => user.PreferredLanguage).HasMaxLength(8);
        builder.Entity<ApplicationUser>().Property(user => user.RequiredActions).HasMaxLength(256).HasDefaultValue("");
        // Sign-in and forgot password accept the address for the name: one address, one account.
        builder.Entity<ApplicationUser>().HasIndex(user => user.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
        builder.Entity<UnknownAccountFailure>(failure =>
        {
            failure.ToTable("UnknownAccountFailures");
            failure.HasKey(f => f.NameHash);
            failure.Property(f => f.NameHash).HasMaxLength(64);
            failure.HasIndex(f => f.LastFailedAt);
        });
        builder.Entity<UserAttribute>(attribute =>
        {
            attribute.ToTable("UserAttributes");
            attribute.HasKey(a => new { a.UserId, a.Name });
            attribute.Property(a => a.Name).HasMaxLength(UserAttribute.MaxNameLength);
            attribute.Property(a => a.Value).HasMaxLength(UserAttribute.MaxValueLength);
            attribute.HasOne<ApplicationUser>().WithMany(user => user.Attributes).HasForeignKey(a
                => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.Entity<PasswordHistoryEntry>(entry =>
        {
            entry.ToTable("PasswordHistory");
            entry.Property(e => e.PasswordHash).HasMaxLength(512);
            entry.HasIndex(e => e.UserId);
            entry.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(IdpDbContext).Assembly);
    }
}
