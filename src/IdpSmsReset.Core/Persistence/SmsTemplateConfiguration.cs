using IdpSmsReset.Core.Messaging.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
