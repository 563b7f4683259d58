using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.UnitTests.Policies;

public sealed class SecurityPolicyRulesTests
{
    public static TheoryData<string, Action<SecurityPolicy>, string> Invalid => new()
    {
        { "passwordReset.sms", policy => policy.PasswordReset.SmsEnabled = true, SecurityPolicyRules.SmsResetNeedsSmsFactor },
        { "passwordReset.codeLength", policy => policy.PasswordReset.CodeLength = 5, "must be between 6 and 8 digits; it is 5." },
        { "passwordReset.codeLength", policy => policy.PasswordReset.CodeLength = 9, "must be between 6 and 8 digits; it is 9." },
        { "passwordReset.codeLifetimeMinutes", policy => policy.PasswordReset.CodeLifetimeMinutes = 0,
            "must be between 1 and 1440 minutes (24 hours); it is 0." },
        { "passwordReset.codeLifetimeMinutes", policy => policy.PasswordReset.CodeLifetimeMinutes = 1441,
            "must be between 1 and 1440 minutes (24 hours); it is 1441." },
        { "passwordReset.maxAttempts", policy => policy.PasswordReset.MaxAttempts = 11, "must be between 1 and 10; it is 11." },
        { "passwordReset.maxAttempts", policy => policy.PasswordReset.MaxAttempts = 0, "must be between 1 and 10; it is 0." },
        { "password.minLength", policy => policy.Password.MinLength = 7, "must be between 8 and 64; it is 7." },
        { "password.minLength", policy => policy.Password.MinLength = 65, "must be between 8 and 64; it is 65." },
        { "password.maxLength", policy => policy.Password.MaxLength = 63,
            "must be between 64 and 4096, so that passphrases fit; it is 63." },
        { "password.historyCount", policy => policy.Password.HistoryCount = 25, "must be between 0 and 24; it is 25." },
        { "lockout.maxFailedAttempts", policy => policy.Lockout.MaxFailedAttempts = 0, "must be between 1 and 100; it is 0." },
        { "lockout.lockoutMinutes", policy => policy.Lockout.LockoutMinutes = 0, "must be between 1 and 1440 minutes; it is 0." },
        { "mfa.require", policy => { policy.Mfa.Require = MfaRequirement.Always; policy.Mfa.TotpEnabled = false; },
            "MFA cannot be required while no factor is enabled in mfa.factors." },
        { "mfa.passwordless", policy => policy.Mfa.Passwordless = true,
            "needs the passkey factor: passwordless sign-in is with a passkey." },
        { "name", policy => policy.Name = " ", "is required." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_RuleBroken_NamesTheFieldAndWhatToChange(string field, Action<SecurityPolicy> change, string problem)
    {
        var policy = new SecurityPolicy { Name = "P" };
        change(policy);

        Assert.Equal([new FieldProblem(field, problem)], SecurityPolicyRules.Validate(policy));
    }

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(SecurityPolicyRules.Validate(new SecurityPolicy { Name = "Default" }));

    [Fact]
    public void Validate_MfaRequiredWithPasskeysAndAnApp_IsValid() => Assert.Empty(SecurityPolicyRules.Validate(new SecurityPolicy
    {
        Name = "Passkeys",
        Mfa = new MfaRules { TotpEnabled = true, PasskeyEnabled = true, Passwordless = true, Require = MfaRequirement.Always },
    }));

    [Fact]
    public void Validate_MfaRequiredWithPasskeysOnly_RefusedAsNobodyCouldEnrol() => Assert.Equal("mfa.require",
        Assert.Single(SecurityPolicyRules.Validate(new SecurityPolicy
        {
            Name = "Passkeys",
            Mfa = new MfaRules { TotpEnabled = false, PasskeyEnabled = true, Require = MfaRequirement.Always },
        })).Field);

    [Fact]
    public void Validate_SmsResetWithTheSmsFactorOn_IsValid()
    {
        var policy = new SecurityPolicy { Name = "P" };
        policy.Mfa.SmsEnabled = true;
        policy.PasswordReset.SmsEnabled = true;

        Assert.Empty(SecurityPolicyRules.Validate(policy));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Validate_CodeLengthAtTheBounds_IsValid(int length)
    {
        var policy = new SecurityPolicy { Name = "P" };
        policy.PasswordReset.CodeLength = length;

        Assert.Empty(SecurityPolicyRules.Validate(policy));
    }
}
