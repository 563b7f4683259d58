using IdpSmsReset.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> entity)
    {
        entity.ToTable("WebhookSubscriptions");
        entity.HasKey(s => s.Id);
        entity.HasIndex(s => s.Name).IsUnique();
        entity.Property(s => s.Name).HasMaxLength(WebhookRules.MaxNameLength);
        entity.Property(s => s.Url).HasMaxLength(2048);
        entity.Property(s => s.Events).HasMaxLength(WebhookRules.MaxEventsLength);
        entity.Property(s => s.ProtectedSecret).HasMaxLength(1024);
        entity.Property(s => s.DisabledReason).HasMaxLength(256);
    }
}
