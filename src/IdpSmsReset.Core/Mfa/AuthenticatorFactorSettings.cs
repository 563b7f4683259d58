using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// The authenticator app factor for the whole installation: one row, absent until an administrator first switches it.
/// Off, no policy can use authenticator apps (enrolled apps are kept, unused, until it is on again).
/// </summary>
public sealed class AuthenticatorFactorSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Default on (no row).</summary>
    public bool Enabled { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}

internal sealed class AuthenticatorFactorSettingsConfiguration : IEntityTypeConfiguration<AuthenticatorFactorSettings>
{
    public void Configure(EntityTypeBuilder<AuthenticatorFactorSettings> entity)
    {
        entity.ToTable("AuthenticatorFactorSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
    }
}
