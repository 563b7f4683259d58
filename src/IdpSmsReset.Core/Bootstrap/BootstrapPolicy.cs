using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>A policy in the bootstrap file; every omitted field takes the default documented on <see cref="SecurityPolicy"/>.</summary>
public sealed class BootstrapPolicy
{
    public string? Name { get; init; }

    public bool IsDefault { get; init; }

    public PasswordSection? Password { get; init; }

    public LockoutSection? Lockout { get; init; }

    public MfaSection? Mfa { get; init; }

    public PasswordResetSection? PasswordReset { get; init; }

    public sealed class PasswordSection
    {
        public int? MinLength { get; init; }

        public int? MaxLength { get; init; }

        public bool? BlockCommonPasswords { get; init; }

        public int? HistoryCount { get; init; }
    }

    public sealed class LockoutSection
    {
        public int? MaxFailedAttempts { get; init; }

        public int? LockoutMinutes { get; init; }
    }

    public sealed class MfaSection
    {
        /// <summary><c>sms</c> and/or <c>totp</c>: the factors on; omitted keeps the defaults.</summary>
        public List<string>? Factors { get; init; }

        /// <summary><c>never</c> or <c>always</c>.</summary>
        public string? Require { get; init; }

        /// <summary>Sign in with a passkey alone (needs the <c>passkey</c> factor).</summary>
        public bool? Passwordless { get; init; }
    }

    public sealed class PasswordResetSection
    {
        public bool? Sms { get; init; }

        public int? CodeLength { get; init; }

        public int? CodeLifetimeMinutes { get; init; }

        public int? MaxAttempts { get; init; }

        public int? ResendCooldownSeconds { get; init; }

        public int? MaxSendsPerHour { get; init; }
    }

    public static readonly IReadOnlyList<string> Factors = ["sms", "totp", "passkey"];
    public static readonly IReadOnlyList<string> Requirements = ["never", "always"];

    /// <summary>
    /// <paramref name="policy"/> as a bootstrap file writes it (the management API's shape), every field given: what
    /// <see cref="ApplyTo"/> writes back unchanged.
    /// </summary>
    public static BootstrapPolicy Of(SecurityPolicy policy) => new()
    {
        Name = policy.Name,
        IsDefault = policy.IsDefault,
        Password = new PasswordSection
        {
            MinLength = policy.Password.MinLength, MaxLength = policy.Password.MaxLength,
            BlockCommonPasswords = policy.Password.BlockCommonPasswords, HistoryCount = policy.Password.HistoryCount,
        },
        Lockout = new LockoutSection
        {
            MaxFailedAttempts = policy.Lockout.MaxFailedAttempts, LockoutMinutes = policy.Lockout.LockoutMinutes,
        },
        Mfa = new MfaSection
        {
            Factors =
            [
                .. policy.Mfa.SmsEnabled ? new[] { "sms" } : [], .. policy.Mfa.TotpEnabled ? new[] { "totp" } : [],
                .. policy.Mfa.PasskeyEnabled ? new[] { "passkey" } : [],
            ],
            Require = policy.Mfa.Require == MfaRequirement.Always ? "always" : "never",
            Passwordless = policy.Mfa.Passwordless,
        },
        PasswordReset = new PasswordResetSection
        {
            Sms = policy.PasswordReset.SmsEnabled, CodeLength = policy.PasswordReset.CodeLength,
            CodeLifetimeMinutes = policy.PasswordReset.CodeLifetimeMinutes, MaxAttempts = policy.PasswordReset.MaxAttempts,
            ResendCooldownSeconds = policy.PasswordReset.ResendCooldownSeconds, MaxSendsPerHour = policy.PasswordReset.MaxSendsPerHour,
        },
    };

    /// <summary>The words this entry uses that a policy has no meaning for (an unknown factor or requirement), by field.</summary>
    public IEnumerable<Problems.FieldProblem> VocabularyProblems()
    {
        var factors = Mfa?.Factors ?? [];
        for (var factor = 0; factor < factors.Count; factor++)
        {
            if (!Factors.Contains(factors[factor]))
            {
                yield return new($"mfa.factors[{factor}]",
                    $"'{factors[factor]}' is unknown; use {Applications.ApplicationVocabulary.Quote(Factors)}.");
            }
        }

        if (Mfa?.Require is { } require && !Requirements.Contains(require))
        {
            yield return new("mfa.require", $"must be one of {Applications.ApplicationVocabulary.Quote(Requirements)}.");
        }
    }

    /// <summary>Writes this entry over <paramref name="policy"/>: what the file says, defaults for what it omits.</summary>
    public void ApplyTo(SecurityPolicy policy)
    {
        var defaults = new SecurityPolicy { Name = Name! };
        policy.Name = Name!;
        policy.IsDefault = IsDefault;
        policy.Password = new PasswordRules
        {
            MinLength = Password?.MinLength ?? defaults.Password.MinLength,
            MaxLength = Password?.MaxLength ?? defaults.Password.MaxLength,
            BlockCommonPasswords = Password?.BlockCommonPasswords ?? defaults.Password.BlockCommonPasswords,
            HistoryCount = Password?.HistoryCount ?? defaults.Password.HistoryCount,
        };
        policy.Lockout = new LockoutRules
        {
            MaxFailedAttempts = Lockout?.MaxFailedAttempts ?? defaults.Lockout.MaxFailedAttempts,
            LockoutMinutes = Lockout?.LockoutMinutes ?? defaults.Lockout.LockoutMinutes,
        };
        policy.Mfa = new MfaRules
        {
            SmsEnabled = Mfa?.Factors?.Contains("sms") ?? defaults.Mfa.SmsEnabled,
            TotpEnabled = Mfa?.Factors?.Contains("totp") ?? defaults.Mfa.TotpEnabled,
            PasskeyEnabled = Mfa?.Factors?.Contains("passkey") ?? defaults.Mfa.PasskeyEnabled,
            Passwordless = Mfa?.Passwordless ?? defaults.Mfa.Passwordless,
            Require = Mfa?.Require == "always" ? MfaRequirement.Always : defaults.Mfa.Require,
        };
        policy.PasswordReset = new PasswordResetRules
        {
            SmsEnabled = PasswordReset?.Sms ?? defaults.PasswordReset.SmsEnabled,
            CodeLength = PasswordReset?.CodeLength ?? defaults.PasswordReset.CodeLength,
            CodeLifetimeMinutes = PasswordReset?.CodeLifetimeMinutes ?? defaults.PasswordReset.CodeLifetimeMinutes,
            MaxAttempts = PasswordReset?.MaxAttempts ?? defaults.PasswordReset.MaxAttempts,
            ResendCooldownSeconds = PasswordReset?.ResendCooldownSeconds ?? defaults.PasswordReset.ResendCooldownSeconds,
            MaxSendsPerHour = PasswordReset?.MaxSendsPerHour ?? defaults.PasswordReset.MaxSendsPerHour,
        };
    }
}
