using System.Linq.Expressions;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Policies;

/// <summary>
/// What a group of users is held to: password rules, lockout, MFA, and whether they may reset the password by SMS.
/// Every user has one (their own, or the default). Each default is documented once, here.
/// </summary>
public sealed class SecurityPolicy
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The policy of every user who has none of their own; exactly one policy is the default.</summary>
    public bool IsDefault { get; set; }

    public PasswordRules Password { get; set; } = new();

    public LockoutRules Lockout { get; set; } = new();

    public MfaRules Mfa { get; set; } = new();

    public PasswordResetRules PasswordReset { get; set; } = new();

    /// <summary>
    /// The one rule of whether a policy offers reset by SMS: it allows it and enables the SMS factor too. An expression,
    /// so that "does any policy offer it" is asked of the database and "does this one" of a policy in hand, alike.
    /// </summary>
    public static readonly Expression<Func<SecurityPolicy, bool>> OffersSmsResetRule =
        policy => policy.PasswordReset.SmsEnabled && policy.Mfa.SmsEnabled;

    private static readonly Func<SecurityPolicy, bool> OffersSmsResetCompiled = OffersSmsResetRule.Compile();

    public bool OffersSmsReset() => OffersSmsResetCompiled(this);
}

internal sealed class SecurityPolicyConfiguration : IEntityTypeConfiguration<SecurityPolicy>
{
    public void Configure(EntityTypeBuilder<SecurityPolicy> entity)
    {
        entity.ToTable("SecurityPolicies");
        entity.Property(policy => policy.Name).HasMaxLength(128);
        entity.HasIndex(policy => policy.Name).IsUnique();
        // Each section is a group of columns of the policy's row (Password_MinLength, ...).
        entity.OwnsOne(policy => policy.Password);
        entity.OwnsOne(policy => policy.Lockout);
        entity.OwnsOne(policy => policy.Mfa, mfa => mfa.Property(rules => rules.Require).HasConversion<string>().HasMaxLength(16));
        entity.OwnsOne(policy => policy.PasswordReset);
        entity.Navigation(policy => policy.Password).IsRequired();
        entity.Navigation(policy => policy.Lockout).IsRequired();
        entity.Navigation(policy => policy.Mfa).IsRequired();
        entity.Navigation(policy => policy.PasswordReset).IsRequired();
    }
}
