using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// One event owed to one subscription: written in the same transaction as the change it reports (the outbox), then
/// posted by <see cref="WebhookDeliveryJob"/>. <see cref="MessageId"/> is the <c>webhook-id</c> of every attempt, so a
/// receiver recognises a retry. <see cref="Id"/> grows with each row: deliveries for one subscription and subject go in
/// its order. Times are UTC.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public Guid MessageId { get; set; } = Guid.NewGuid();

    public Guid SubscriptionId { get; set; }

    /// <summary>The audit event reported: the payload is made from it at each attempt.</summary>
    public Guid AuditEventId { get; set; }

    /// <summary>The event's type (<see cref="EventCatalogue"/>).</summary>
    public string EventType { get; set; } = "";

    /// <summary>The subject's user id, or empty: deliveries with the same key go one after the other.</summary>
    public string SubjectKey { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next attempt is due; the sweeper hands a job to a pending delivery long past it.</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? ClaimedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed, in the server's words (no secret).</summary>
    public string? LastError { get; set; }

    /// <summary>The start of the receiver's last answer, at most <see cref="WebhookDeliveryJob.KeptResponseLength"/> characters.</summary>
    public string? LastResponse { get; set; }
}

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
