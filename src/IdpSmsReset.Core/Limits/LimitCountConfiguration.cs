using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Limits;

internal sealed class LimitCountConfiguration : IEntityTypeConfiguration<LimitCount>
{
    public void Configure(EntityTypeBuilder<LimitCount> entity)
    {
        entity.ToTable("LimitCounts");
        entity.HasKey(count => count.Id);
        entity.Property(count => count.Budget).HasMaxLength(48);
        entity.Property(count => count.Subject).HasMaxLength(ClientNetwork.MaxLength);
        entity.HasIndex(count => new { count.Budget, count.Subject, count.At });
        entity.HasIndex(count => count.At);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(count => count.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
