using IdpSmsReset.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class DevicePollConfiguration : IEntityTypeConfiguration<DevicePoll>
{
    public void Configure(EntityTypeBuilder<DevicePoll> entity)
    {
        entity.ToTable("DevicePolls");
        entity.HasKey(poll => poll.CodeHash);
        entity.Property(poll => poll.CodeHash).HasMaxLength(64);
        entity.HasIndex(poll => poll.LastPolledAt);
    }
}
