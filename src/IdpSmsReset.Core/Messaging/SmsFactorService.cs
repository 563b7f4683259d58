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
        var (problems, token, wanted, check) = await CheckWithTwilioAsync(input, stored?.ProtectedAuthToken, cancellationToken);
        if (check is null)
        {
            return new SmsFactorSaveResult(problems, null);
        }

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

    /// <summary>
    /// Saves the secondary account (checked with Twilio exactly as the primary; saved even when Twilio says no, and then
    /// not used), or removes it when <paramref name="input"/> has no Account SID. Needs the primary first.
    /// </summary>
    public async Task<SmsFactorSaveResult> SaveSecondaryAsync(SmsFactorInput input, CancellationToken cancellationToken)
    {
        var stored = await database.Set<SmsFactorSettings>().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return new SmsFactorSaveResult([new("accountSid", "set the primary account first.")], null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(input.AccountSid))
        {
            (stored.SecondaryAccountSid, stored.SecondaryProtectedAuthToken, stored.SecondaryFrom, stored.SecondaryMessagingServiceSid,
                stored.SecondaryValidatedAt, stored.SecondaryLastValidationError) = (null, null, null, null, null, null);
            stored.UpdatedAt = now;
            await database.SaveChangesAsync(cancellationToken);
            await stamps.BumpAsync(database, ChangeAreas.SmsFactor, cancellationToken);
            return new SmsFactorSaveResult([], null);
        }

        var (problems, token, wanted, check) = await CheckWithTwilioAsync(input with { PhoneField = null, AllowedCountries = [] },
            stored.SecondaryProtectedAuthToken, cancellationToken);
        if (check is null)
        {
            return new SmsFactorSaveResult(problems, null);
        }

        stored.SecondaryAccountSid = wanted.AccountSid;
        stored.SecondaryProtectedAuthToken = protection.AuthToken.Protect(token);
        stored.SecondaryFrom = wanted.From;
        stored.SecondaryMessagingServiceSid = wanted.MessagingServiceSid;
        stored.SecondaryValidatedAt = now;
        stored.SecondaryLastValidationError = check.Problem;
        stored.UpdatedAt = now;
        await database.SaveChangesAsync(cancellationToken);
        await stamps.BumpAsync(database, ChangeAreas.SmsFactor, cancellationToken);
        return new SmsFactorSaveResult([], check);
    }

    /// <summary>
    /// The rules, then Twilio: problems (and no check) when the input breaks a rule; else the token to store (the one
    /// typed, or the one stored when none was), the input as stored, and Twilio's verdict.
    /// </summary>
    private async Task<(IReadOnlyList<Problems.FieldProblem> Problems, string Token, StoredForm Wanted, SmsAccountCheck? Check)>
        CheckWithTwilioAsync(SmsFactorInput input, string? storedProtectedToken, CancellationToken cancellationToken)
    {
        var problems = SmsFactorRules.Validate(input, hasStoredToken: storedProtectedToken is not null);
        if (problems.Count > 0)
        {
            return (problems, "", AsStored(input), null);
        }

        var token = string.IsNullOrEmpty(input.AuthToken) ? protection.AuthToken.Unprotect(storedProtectedToken!) : input.AuthToken;
        var wanted = AsStored(input);
        var check = await channel.ValidateAsync(new SmsAccount(wanted.AccountSid, token, wanted.From, wanted.MessagingServiceSid),
            cancellationToken);
        return ([], token, wanted, check);
    }

    /// <summary>True when <paramref name="input"/> says what is stored already (the bootstrap then skips a Twilio round trip).</summary>
    public bool Matches(SmsFactorSettings stored, SmsFactorInput input) =>
        AsStored(input) == new StoredForm(stored.AccountSid, stored.From, stored.MessagingServiceSid, stored.PhoneField,
            stored.AllowedCountries)
        && (string.IsNullOrEmpty(input.AuthToken) || protection.AuthToken.Unprotect(stored.ProtectedAuthToken) == input.AuthToken);

    /// <summary>True when <paramref name="input"/> says what the secondary account stored is.</summary>
    public bool SecondaryMatches(SmsFactorSettings stored, SmsFactorInput input)
    {
        var wanted = AsStored(input with { PhoneField = null, AllowedCountries = [] });
        return wanted.AccountSid == stored.SecondaryAccountSid && wanted.From == stored.SecondaryFrom
            && wanted.MessagingServiceSid == stored.SecondaryMessagingServiceSid
            && (string.IsNullOrEmpty(input.AuthToken)
                || protection.AuthToken.Unprotect(stored.SecondaryProtectedAuthToken!) == input.AuthToken);
    }

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
