using IdpSmsReset.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SmsAccountHealthConfiguration : IEntityTypeConfiguration<SmsAccountHealth>
{
    public void Configure(EntityTypeBuilder<SmsAccountHealth> entity)
    {
        entity.ToTable("SmsAccountHealth");
        entity.HasKey(health => health.Account);
        entity.Property(health => health.Account).HasMaxLength(16);
        entity.Property(health => health.LastFailure).HasMaxLength(1024);
    }
}
