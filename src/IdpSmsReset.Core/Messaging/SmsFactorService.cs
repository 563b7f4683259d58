using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Saves the SMS factor's settings and checks them with Twilio, recording the verdict.</summary>
public sealed class SmsFactorService(
    IdpDbContext database, SmsProtection protection, ISmsChannel channel, ChangeStamps stamps, TimeProvider time)
{
    public Task<SmsFactorSettings?> GetAsync(CancellationToken cancellationToken) =>
        database.SmsFactorSettingsAsync(cancellationToken);

    /// <summary>Saves valid input, then validates with Twilio; the settings are saved even when Twilio says no.</summary>
    public async Task<SmsFactorSaveResult> SaveAsync(SmsFactorInput input, CancellationToken cancellationToken)
    {
        var stored = await database.Set<SmsFactorSettings>().SingleOrDefaultAsync(cancellationToken);
        var problems = SmsFactorRules.Validate(input, hasStoredToken: stored is not null);
        if (problems.Count > 0)
        {
            return new SmsFactorSaveResult(problems, null);
        }

        var token = string.IsNullOrEmpty(input.AuthToken) ? protection.AuthToken.Unprotect(stored!.ProtectedAuthToken) : input.AuthToken;
        var wanted = AsStored(input);
        var check = await channel.ValidateAsync(new SmsAccount(wanted.AccountSid, token, wanted.From, wanted.MessagingServiceSid),
            cancellationToken);

        var settings = stored ?? database.Add(new SmsFactorSettings { AccountSid = wanted.AccountSid, ProtectedAuthToken = "" }).Entity;
        var now = time.GetUtcNow().UtcDateTime;
        settings.AccountSid = wanted.AccountSid;
        settings.ProtectedAuthToken = protection.AuthToken.Protect(token);
        settings.From = wanted.From;
        settings.MessagingServiceSid = wanted.MessagingServiceSid;
        settings.PhoneField = wanted.PhoneField;
        settings.AllowedCountries = wanted.AllowedCountries;
        settings.ValidatedAt = now;
        settings.LastValidationError = check.Problem;
        settings.UpdatedAt = now;
        await database.SaveChangesAsync(cancellationToken);
        await stamps.BumpAsync(database, ChangeAreas.SmsFactor, cancellationToken);
        return new SmsFactorSaveResult([], check);
    }

    /// <summary>True when <paramref name="input"/> says what is stored already (the bootstrap then skips a Twilio round trip).</summary>
    public bool Matches(SmsFactorSettings stored, SmsFactorInput input) =>
        AsStored(input) == new StoredForm(stored.AccountSid, stored.From, stored.MessagingServiceSid, stored.PhoneField,
            stored.AllowedCountries)
        && (string.IsNullOrEmpty(input.AuthToken) || protection.AuthToken.Unprotect(stored.ProtectedAuthToken) == input.AuthToken);

    /// <summary>The input as the settings row holds it: E.164 sender, blanks as null, defaults applied, countries upper-case.</summary>
    private static StoredForm AsStored(SmsFactorInput input) => new(
        input.AccountSid!,
        string.IsNullOrWhiteSpace(input.From) ? null : PhoneNumberRules.TryNormalize(input.From, out var e164, out _,
            out _) ? e164 : input.From,
        string.IsNullOrWhiteSpace(input.MessagingServiceSid) ? null : input.MessagingServiceSid,
        string.IsNullOrWhiteSpace(input.PhoneField) ? SmsFactorSettings.DefaultPhoneField : input.PhoneField,
        string.Join(',', input.AllowedCountries.Select(code => code.ToUpperInvariant())));

    private sealed record StoredForm(string AccountSid, string? From, string? MessagingServiceSid, string PhoneField,
        string AllowedCountries);
}
