using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Devices;

/// <summary>When a device code was last polled at the token endpoint, kept in the database so every instance agrees.</summary>
public sealed class DevicePoll
{
    /// <summary>The SHA-256 of the device code (hex): the code itself is a credential and is not stored.</summary>
    public required string CodeHash { get; set; }

    public DateTime LastPolledAt { get; set; }
}

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
