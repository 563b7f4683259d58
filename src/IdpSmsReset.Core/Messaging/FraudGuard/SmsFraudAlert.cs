using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// The guard saw something an administrator must hear of: a budget spent (messages now held) or a country's surge
/// (reset codes now need proof of work). At most one per kind, scope and hour (a unique index), so however many
/// messages a spent budget holds, the audit gets one <c>sms.fraud-suspected</c> an hour.
/// </summary>
public sealed class SmsFraudAlert
{
    public const string BudgetSpent = "budget";
    public const string Surge = "surge";

    public Guid Id { get; set; }

    /// <summary><see cref="BudgetSpent"/> or <see cref="Surge"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>One of <see cref="SmsScopes"/>.</summary>
    public required string Scope { get; set; }

    public DateTime HourStart { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>A surge's mark lasts until then (an hour after it was seen); a budget's alert until its window passes.</summary>
    public DateTime Until { get; set; }

    public required string Details { get; set; }
}

internal sealed class SmsFraudAlertConfiguration : IEntityTypeConfiguration<SmsFraudAlert>
{
    public void Configure(EntityTypeBuilder<SmsFraudAlert> entity)
    {
        entity.ToTable("SmsFraudAlerts");
        entity.Property(alert => alert.Kind).HasMaxLength(16);
        entity.Property(alert => alert.Scope).HasMaxLength(64);
        entity.Property(alert => alert.Details).HasMaxLength(1024);
        entity.HasIndex(alert => new { alert.Kind, alert.Scope, alert.HourStart }).IsUnique();
        entity.HasIndex(alert => alert.Until);
    }
}
