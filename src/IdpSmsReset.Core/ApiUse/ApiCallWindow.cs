using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.ApiUse;

/// <summary>How many calls one application made to the management API in one minute.</summary>
public sealed class ApiCallWindow
{
    public required string Caller { get; set; }

    public DateTime WindowStart { get; set; }

    public int Calls { get; set; }
}

internal sealed class ApiCallWindowConfiguration : IEntityTypeConfiguration<ApiCallWindow>
{
    public void Configure(EntityTypeBuilder<ApiCallWindow> entity)
    {
        entity.ToTable("ApiCallWindows");
        entity.HasKey(window => new { window.Caller, window.WindowStart });
        entity.Property(window => window.Caller).HasMaxLength(256);
    }
}
