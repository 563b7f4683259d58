using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>An administrator's wording of one message in one language; none: the product's own.</summary>
public sealed class SmsTemplate
{
    /// <summary>One of <see cref="SmsTemplatePurposes.All"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>One of <see cref="SmsLanguage.Supported"/>.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class SmsTemplateConfiguration : IEntityTypeConfiguration<SmsTemplate>
{
    public void Configure(EntityTypeBuilder<SmsTemplate> entity)
    {
        entity.ToTable("SmsTemplates");
        entity.HasKey(template => new { template.Purpose, template.Language });
        entity.Property(template => template.Purpose).HasMaxLength(32);
        entity.Property(template => template.Language).HasMaxLength(8);
        entity.Property(template => template.Text).HasMaxLength(SmsTemplateRules.MaxLength);
    }
}
