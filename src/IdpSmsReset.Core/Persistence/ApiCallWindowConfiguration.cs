using IdpSmsReset.Core.ApiUse;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class ApiCallWindowConfiguration : IEntityTypeConfiguration<ApiCallWindow>
{
    public void Configure(EntityTypeBuilder<ApiCallWindow> entity)
    {
        entity.ToTable("ApiCallWindows");
        entity.HasKey(window => new { window.Caller, window.WindowStart });
        entity.Property(window => window.Caller).HasMaxLength(256);
    }
}
