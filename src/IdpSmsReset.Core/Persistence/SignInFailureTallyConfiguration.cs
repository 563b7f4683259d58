using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SignInFailureTallyConfiguration : IEntityTypeConfiguration<SignInFailureTally>
{
    public void Configure(EntityTypeBuilder<SignInFailureTally> entity)
    {
        entity.ToTable("SignInFailureTallies");
        entity.HasKey(tally => tally.HourStart);
    }
}
