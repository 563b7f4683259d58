using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class BackchannelLogoutDeliveryConfiguration : IEntityTypeConfiguration<BackchannelLogoutDelivery>
{
    public void Configure(EntityTypeBuilder<BackchannelLogoutDelivery> entity)
    {
        entity.ToTable("BackchannelLogoutDeliveries");
        entity.Property(d => d.UserId).HasMaxLength(450);
        entity.Property(d => d.ClientId).HasMaxLength(100);
        entity.Property(d => d.Uri).HasMaxLength(2048);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.LastError).HasMaxLength(512);
        entity.HasIndex(d => new { d.UserId, d.CreatedAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
