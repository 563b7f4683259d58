using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Idempotency;

/// <summary>
/// A create sent with an <c>Idempotency-Key</c>: claimed before it runs (so a repeat on any instance waits or replays),
/// then holding the answer to replay, encrypted (an answer may carry a new secret).
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>Who sent it (the calling application): keys are the caller's own, never shared between callers.</summary>
    public required string Caller { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused, not replayed.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The answer's status; 0 while the request runs.</summary>
    public int Status { get; set; }

    /// <summary>The answer (status line's headers that matter and body), protected with Data Protection.</summary>
    public string? ProtectedAnswer { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> entity)
    {
        entity.ToTable("IdempotentRequests");
        entity.HasKey(request => new { request.Caller, request.Key });
        entity.Property(request => request.Caller).HasMaxLength(256);
        entity.Property(request => request.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
        entity.Property(request => request.RequestHash).HasMaxLength(64);
        entity.HasIndex(request => request.CreatedAt);
    }
}
