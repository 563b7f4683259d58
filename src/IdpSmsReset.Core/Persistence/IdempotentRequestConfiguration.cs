using IdpSmsReset.Core.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
