using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// A receiver of events: where they are posted, which ones, and the secret they are signed with (encrypted,
/// <see cref="WebhookSecrets"/>; shown once when made). Times are UTC.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The administrator's name for it, unique: the bootstrap file's key.</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>Event types or prefixes (<c>user.*</c>, <c>*</c>), space-separated (<see cref="EventFilter"/>).</summary>
    public string Events { get; set; } = "";

    public string ProtectedSecret { get; set; } = "";

    /// <summary>Whether <c>data</c> carries names, addresses and the audit's words; off, only the subject's id.</summary>
    public bool IncludePersonalData { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime ChangedAt { get; set; }

    /// <summary>The first failed attempt since the last delivered one; null while the receiver answers.</summary>
    public DateTime? FailingSince { get; set; }

    /// <summary>Why the server turned the subscription off by itself (failing for too long); the overview says so.</summary>
    public string? DisabledReason { get; set; }
}

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
