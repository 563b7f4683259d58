using IdpSmsReset.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> entity)
    {
        entity.ToTable("WebhookDeliveries");
        entity.HasKey(d => d.Id);
        entity.Property(d => d.Id).ValueGeneratedOnAdd();
        entity.HasIndex(d => d.MessageId).IsUnique();
        entity.Property(d => d.EventType).HasMaxLength(64);
        entity.Property(d => d.SubjectKey).HasMaxLength(450);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.LastError).HasMaxLength(512);
        entity.Property(d => d.LastResponse).HasMaxLength(WebhookDeliveryJob.KeptResponseLength);
        // The turn of a subject's deliveries, and the sweeper's and the dashboard's reads.
        entity.HasIndex(d => new { d.SubscriptionId, d.SubjectKey, d.Status, d.Id });
        entity.HasIndex(d => new { d.Status, d.NextAttemptAt });
        entity.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
