using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// How many password sign-ins failed in one hour (wrong password, unknown name, locked): what the dashboard's sign-in
/// chart shows beside the successes. One counter row an hour, not a row a failure, so a password-guessing storm adds
/// updates, not rows; nothing about who failed is kept here (the logs and the lockout counters say that).
/// </summary>
public sealed class SignInFailureTally
{
    /// <summary>The hour, UTC, truncated.</summary>
    public DateTime HourStart { get; set; }

    public int Failures { get; set; }
}

internal sealed class SignInFailureTallyConfiguration : IEntityTypeConfiguration<SignInFailureTally>
{
    public void Configure(EntityTypeBuilder<SignInFailureTally> entity)
    {
        entity.ToTable("SignInFailureTallies");
        entity.HasKey(tally => tally.HourStart);
    }
}
