using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Keys;

/// <summary>
/// One key the server signs or encrypts tokens with, kept in the database so that every instance holds the same ones:
/// a self-signed certificate whose validity starts when the key starts being used (<see cref="ActiveFrom"/>), stored
/// as PKCS#12 encrypted with Data Protection. Keys of one use follow each other by <see cref="Generation"/>; the
/// unique (use, algorithm, generation) lets exactly one instance create each next key.
/// </summary>
public sealed class TokenKey
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="TokenKeyUses"/>.</summary>
    public required string Use { get; set; }

    public int Generation { get; set; }

    /// <summary>The JWT <c>kid</c>: the certificate's thumbprint.</summary>
    public required string KeyId { get; set; }

    /// <summary>One of <see cref="TokenKeyAlgorithms"/>: RS256 or ES256 for signing, RSA-OAEP for encryption.</summary>
    public required string Algorithm { get; set; }

    /// <summary>The certificate with its private key (PKCS#12), encrypted with Data Protection.</summary>
    public required string ProtectedCertificate { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>From when it signs (or encrypts); until then it is only published.</summary>
    public DateTime ActiveFrom { get; set; }

    /// <summary>When its successor took over; it stays published for <see cref="TokenKeyOptions.RetainAfter"/> after.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>When an administrator revoked it: from then on it is neither published nor trusted, and tokens it signed fail.</summary>
    public DateTime? RevokedAt { get; set; }
}

internal sealed class TokenKeyConfiguration : IEntityTypeConfiguration<TokenKey>
{
    public void Configure(EntityTypeBuilder<TokenKey> entity)
    {
        entity.ToTable("TokenKeys");
        entity.Property(key => key.Use).HasMaxLength(16);
        entity.Property(key => key.KeyId).HasMaxLength(64);
        entity.Property(key => key.Algorithm).HasMaxLength(16);
        // Exactly one key per generation of a use and algorithm, whichever instance tries to make it.
        entity.HasIndex(key => new { key.Use, key.Algorithm, key.Generation }).IsUnique();
    }
}
