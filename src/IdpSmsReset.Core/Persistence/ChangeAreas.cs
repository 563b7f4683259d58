namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The areas whose changes invalidate caches. Each has its <see cref="ChangeStamp"/> row, seeded by the migration that
/// adds the area.
/// </summary>
public static class ChangeAreas
{
    public const string Policies = "policies";
    public const string SmsFactor = "sms-factor";
    public const string Applications = "applications";
    public const string Keys = "keys";
    public const string IdentityProviders = "identity-providers";
    public const string Webhooks = "webhooks";
    public const string SmsFraudGuard = "sms-fraud-guard";
    public const string SmsTemplates = "sms-templates";

    public static readonly IReadOnlyList<string> All =
        [Policies, SmsFactor, Applications, Keys, IdentityProviders, Webhooks, SmsFraudGuard, SmsTemplates];
}
