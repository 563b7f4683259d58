using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The commands on the second factors' settings, whichever door they come through (the dashboard's factors page, the
/// management API): the SMS factor's two Twilio accounts (checked with Twilio by <see cref="SmsFactorService"/>), the
/// authenticator-app switch and the test SMS, each audited. The auth token is never recorded, only that there is one.
/// </summary>
public sealed class FactorAdministration(
    SmsFactorService smsFactor, SecondFactorMethods secondFactors, SmsOutbox outbox, AdminChangeLog log, TimeProvider time)
{
    /// <summary>What a test SMS says.</summary>
    public const string TestText = "This is a test message from IdpSmsReset. No action is needed.";

    public Task<SmsFactorSettings?> GetSmsFactorAsync(CancellationToken cancellationToken) => smsFactor.GetAsync(cancellationToken);

    public Task<bool> AuthenticatorAppsOnAsync(CancellationToken cancellationToken) =>
        secondFactors.AuthenticatorFactorOnAsync(cancellationToken);

    /// <summary>Saves the primary account and who may receive codes; Twilio's verdict is in the result.</summary>
    public Task<SmsFactorSaveResult> SaveSmsFactorAsync(SmsFactorInput input, Administrator who, CancellationToken cancellationToken) =>
        AuditedAsync(who, () => smsFactor.SaveAsync(input, cancellationToken), cancellationToken);

    /// <summary>Saves the secondary account, or removes it when <paramref name="input"/> has no Account SID.</summary>
    public Task<SmsFactorSaveResult> SaveSecondaryAccountAsync(SmsFactorInput input, Administrator who,
        CancellationToken cancellationToken) =>
        AuditedAsync(who, () => smsFactor.SaveSecondaryAsync(input, cancellationToken), cancellationToken);

    public async Task SetAuthenticatorAppsAsync(bool enabled, Administrator who, CancellationToken cancellationToken)
    {
        var before = await secondFactors.AuthenticatorFactorOnAsync(cancellationToken);
        await secondFactors.SetAuthenticatorFactorAsync(enabled, time.GetUtcNow().UtcDateTime, cancellationToken);
        await log.WriteAsync(who, AdminEventTypes.AuthenticatorFactorChanged, null, new { enabled = before }, new { enabled },
            cancellationToken);
    }

    /// <summary>Queues <see cref="TestText"/> to <paramref name="destination"/>; the audit keeps the number masked.</summary>
    public async Task<SmsEnqueueResult> SendTestSmsAsync(string destination, Administrator who, CancellationToken cancellationToken)
    {
        var queued = await outbox.EnqueueAsync(destination, SmsPurposes.Test, TestText, TimeSpan.FromMinutes(10), cancellationToken);
        if (queued.Problem is null)
        {
            await log.WriteAsync(who, AdminEventTypes.TestSmsSent, null, null,
                new { to = PhoneNumberRules.Mask(PhoneNumberRules.TryNormalize(destination, out var e164, out _, out _) ? e164 : "") },
                cancellationToken);
        }

        return queued;
    }

    private async Task<SmsFactorSaveResult> AuditedAsync(Administrator who, Func<Task<SmsFactorSaveResult>> save,
        CancellationToken cancellationToken)
    {
        var before = Snapshot(await smsFactor.GetAsync(cancellationToken));
        var result = await save();
        if (result.Saved)
        {
            await log.WriteAsync(who, AdminEventTypes.SmsFactorChanged, null, before, Snapshot(await smsFactor.GetAsync(cancellationToken)),
                cancellationToken);
        }

        return result;
    }

    private static object? Snapshot(SmsFactorSettings? settings) => settings is null ? null : new
    {
        Primary = Snapshot(settings.Primary),
        settings.PhoneField,
        settings.AllowedCountries,
        Secondary = Snapshot(settings.Secondary),
    };

    private static object? Snapshot(TwilioAccount? account) => account is null ? null : new
    {
        account.AccountSid,
        AuthToken = AdminChangeLog.Masked,
        account.From,
        account.MessagingServiceSid,
        account.LastValidationError,
    };
}
