using IdpSmsReset.Core.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class WrongUserCodeConfiguration : IEntityTypeConfiguration<WrongUserCode>
{
    public void Configure(EntityTypeBuilder<WrongUserCode> entity)
    {
        entity.ToTable("WrongUserCodes");
        entity.HasKey(wrong => wrong.Id);
        entity.Property(wrong => wrong.ClientNetwork).HasMaxLength(Recovery.ClientNetwork.MaxLength);
        entity.HasIndex(wrong => new { wrong.ClientNetwork, wrong.EnteredAt });
    }
}
