using IdpSmsReset.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class OutboundSmsConfiguration : IEntityTypeConfiguration<OutboundSms>
{
    public void Configure(EntityTypeBuilder<OutboundSms> entity)
    {
        entity.ToTable("OutboundSms");
        entity.Property(message => message.Destination).HasMaxLength(32);
        entity.Property(message => message.Country).HasMaxLength(2);
        entity.Property(message => message.Purpose).HasMaxLength(64);
        entity.Property(message => message.ProtectedBody).HasMaxLength(4096);
        entity.Property(message => message.TwilioSid).HasMaxLength(34);
        entity.Property(message => message.Account).HasMaxLength(16);
        entity.Property(message => message.LastError).HasMaxLength(1024);
        entity.Property(message => message.ErrorClass).HasMaxLength(32);
        entity.Property(message => message.HoldScope).HasMaxLength(64);
        // The status callback finds a message by its SID; the sweeper by status and due time.
        entity.HasIndex(message => message.TwilioSid).IsUnique();
        entity.HasIndex(message => new { message.Status, message.NextAttemptAt });
    }
}
