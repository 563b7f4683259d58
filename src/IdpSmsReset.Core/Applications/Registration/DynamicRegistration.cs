using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// An application that registered itself (RFC 7591): what lets it manage its registration (RFC 7592) and what the prune
/// and the dashboard need. The application itself is an ordinary OpenIddict application of the same client id.
/// </summary>
public sealed class DynamicRegistration
{
    public required string ClientId { get; set; }

    /// <summary>The SHA-256 (hex) of its registration access token; the token itself was shown once, in the answer.</summary>
    public required string AccessTokenHash { get; set; }

    /// <summary>How it authenticates (RFC 7591's <c>token_endpoint_auth_method</c>), as registered.</summary>
    public required string TokenEndpointAuthMethod { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>The address that registered it (open registrations are counted per address).</summary>
    public string? RegisteredFrom { get; set; }

    /// <summary>The initial access token it registered with; none: an open registration.</summary>
    public Guid? InitialAccessTokenId { get; set; }

    /// <summary>When it last got a token (recorded at most hourly); none: never. The prune reads it.</summary>
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class DynamicRegistrationConfiguration : IEntityTypeConfiguration<DynamicRegistration>
{
    public void Configure(EntityTypeBuilder<DynamicRegistration> entity)
    {
        entity.ToTable("DynamicRegistrations");
        entity.HasKey(registration => registration.ClientId);
        entity.Property(registration => registration.ClientId).HasMaxLength(100);
        entity.Property(registration => registration.AccessTokenHash).HasMaxLength(64);
        entity.Property(registration => registration.RegisteredFrom).HasMaxLength(64);
        entity.Property(registration => registration.TokenEndpointAuthMethod).HasMaxLength(32);
        // Open registrations are counted per address and hour.
        entity.HasIndex(registration => new { registration.RegisteredFrom, registration.RegisteredAt });
    }
}
