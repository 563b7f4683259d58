using IdpSmsReset.Core.Applications.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class DynamicRegistrationConfiguration : IEntityTypeConfiguration<DynamicRegistration>
{
    public void Configure(EntityTypeBuilder<DynamicRegistration> entity)
    {
        entity.ToTable("DynamicRegistrations");
        entity.HasKey(registration => registration.ClientId);
        entity.Property(registration => registration.ClientId).HasMaxLength(100);
        entity.Property(registration => registration.AccessTokenHash).HasMaxLength(64);
        entity.Property(registration => registration.RegisteredFrom).HasMaxLength(64);
        entity.Property(registration => registration.TokenEndpointAuthMethod).HasMaxLength(32);
        // Open registrations are counted per address and hour.
        entity.HasIndex(registration => new { registration.RegisteredFrom, registration.RegisteredAt });
    }
}
