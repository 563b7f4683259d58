using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// An account's circuit breaker as the instances last reported it (each instance has its own breaker; what one
/// opens, the others read here before choosing an account), and the last failover, for the dashboard.
/// </summary>
public sealed class SmsAccountHealth
{
    /// <summary><see cref="SmsAccountNames.Primary"/> or <see cref="SmsAccountNames.Secondary"/>.</summary>
    public required string Account { get; set; }

    /// <summary>When the breaker last opened; it is open until <c>Idp:Sms:Breaker:BreakDuration</c> after this.</summary>
    public DateTime? OpenedAt { get; set; }

    /// <summary>When the breaker last closed again (a probe succeeded).</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>When messages last moved from this account to the other.</summary>
    public DateTime? LastFailoverAt { get; set; }

    public string? LastFailure { get; set; }
}

internal sealed class SmsAccountHealthConfiguration : IEntityTypeConfiguration<SmsAccountHealth>
{
    public void Configure(EntityTypeBuilder<SmsAccountHealth> entity)
    {
        entity.ToTable("SmsAccountHealth");
        entity.HasKey(health => health.Account);
        entity.Property(health => health.Account).HasMaxLength(16);
        entity.Property(health => health.LastFailure).HasMaxLength(1024);
    }
}
