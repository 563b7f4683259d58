using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Saves the SMS factor's settings and checks them with Twilio, recording the verdict.</summary>
public sealed class SmsFactorService(IdpDbContext database, SmsProtection protection, ISmsChannel channel, TimeProvider time)
{
    public Task<SmsFactorSettings?> GetAsync(CancellationToken cancellationToken) =>
        database.Set<SmsFactorSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);

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
        var from = string.IsNullOrWhiteSpace(input.From) ? null : Normalized(input.From);
        var service = string.IsNullOrWhiteSpace(input.MessagingServiceSid) ? null : input.MessagingServiceSid;
        var check = await channel.ValidateAsync(new SmsAccount(input.AccountSid!, token, from, service), cancellationToken);

        var settings = stored ?? database.Add(new SmsFactorSettings { AccountSid = input.AccountSid!, ProtectedAuthToken = "" }).Entity;
        var now = time.GetUtcNow().UtcDateTime;
        settings.AccountSid = input.AccountSid!;
        settings.ProtectedAuthToken = protection.AuthToken.Protect(token);
        settings.From = from;
        settings.MessagingServiceSid = service;
        settings.PhoneField = string.IsNullOrWhiteSpace(input.PhoneField) ? SmsFactorSettings.DefaultPhoneField : input.PhoneField;
        settings.AllowedCountries = string.Join(',', input.AllowedCountries.Select(code => code.ToUpperInvariant()));
        settings.ValidatedAt = now;
        settings.LastValidationError = check.Problem;
        settings.UpdatedAt = now;
        await database.SaveChangesAsync(cancellationToken);
        return new SmsFactorSaveResult([], check);
    }

    /// <summary>True when <paramref name="input"/> says what is stored already (the bootstrap then skips a Twilio round trip).</summary>
    public bool Matches(SmsFactorSettings stored, SmsFactorInput input) =>
        stored.AccountSid == input.AccountSid
        && stored.From == (string.IsNullOrWhiteSpace(input.From) ? null : Normalized(input.From))
        && stored.MessagingServiceSid == (string.IsNullOrWhiteSpace(input.MessagingServiceSid) ? null : input.MessagingServiceSid)
        && stored.PhoneField == (string.IsNullOrWhiteSpace(input.PhoneField) ? SmsFactorSettings.DefaultPhoneField : input.PhoneField)
        && stored.AllowedCountries == string.Join(',', input.AllowedCountries.Select(code => code.ToUpperInvariant()))
        && (string.IsNullOrEmpty(input.AuthToken) || protection.AuthToken.Unprotect(stored.ProtectedAuthToken) == input.AuthToken);

    private static string Normalized(string phone) =>
        PhoneNumberRules.TryNormalize(phone, out var e164, out _, out _) ? e164 : phone;
}

public sealed record SmsFactorSaveResult(IReadOnlyList<(string Field, string Problem)> Problems, SmsAccountCheck? Check)
{
    public bool Saved => Problems.Count == 0;
}
