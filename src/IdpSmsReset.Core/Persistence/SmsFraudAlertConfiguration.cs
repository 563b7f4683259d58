using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
