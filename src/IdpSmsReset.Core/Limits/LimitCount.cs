using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Limits;

/// <summary>One occurrence a <see cref="Budget"/> counts, kept until no window can count it any more.</summary>
public sealed class LimitCount
{
    public long Id { get; set; }

    /// <summary>The <see cref="Budget.Name"/>.</summary>
    public required string Budget { get; set; }

    /// <summary>What the budget counts by: a <see cref="ClientNetwork"/>, an account id, an E.164 number, a country.</summary>
    public required string Subject { get; set; }

    /// <summary>
    /// The account the occurrence concerns, when one does: the account's erasure takes its rows along, including those
    /// whose subject is the phone number a code went to.
    /// </summary>
    public string? UserId { get; set; }

    public DateTime At { get; set; }
}

internal sealed class LimitCountConfiguration : IEntityTypeConfiguration<LimitCount>
{
    public void Configure(EntityTypeBuilder<LimitCount> entity)
    {
        entity.ToTable("LimitCounts");
        entity.HasKey(count => count.Id);
        entity.Property(count => count.Budget).HasMaxLength(48);
        entity.Property(count => count.Subject).HasMaxLength(ClientNetwork.MaxLength);
        entity.HasIndex(count => new { count.Budget, count.Subject, count.At });
        entity.HasIndex(count => count.At);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(count => count.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
