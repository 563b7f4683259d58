using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Problems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Saves the SMS factor's settings and its two Twilio accounts, each checked with Twilio the same way, recording the
/// verdict. An account is saved even when Twilio says no; it is then not used.
/// </summary>
public sealed class SmsFactorService(
    IdpDbContext database, SmsProtection protection, ISmsChannel channel, TimeProvider time)
{
    public Task<SmsFactorSettings?> GetAsync(CancellationToken cancellationToken) =>
        database.SmsFactorSettingsAsync(cancellationToken);

    /// <summary>Saves the primary account and who may receive codes.</summary>
    public async Task<SmsFactorSaveResult> SaveAsync(SmsFactorInput input, CancellationToken cancellationToken)
    {
        var stored = await database.Set<SmsFactorSettings>().SingleOrDefaultAsync(cancellationToken);
        var (problems, account, check) = await CheckWithTwilioAsync(input, stored?.Primary, cancellationToken);
        if (check is null)
        {
            return new SmsFactorSaveResult(problems, null);
        }

        var settings = stored ?? database.Add(new SmsFactorSettings { Primary = account! }).Entity;
        var wanted = AsStored(input);
        settings.Primary = account!;
        settings.PhoneField = wanted.PhoneField;
        settings.AllowedCountries = wanted.AllowedCountries;
        return await SavedAsync(settings, check, cancellationToken);
    }

    /// <summary>
    /// Saves the secondary account (sender and token only: who may receive codes is the primary's), or removes it when
    /// <paramref name="input"/> has no Account SID. Needs the primary first.
    /// </summary>
    public async Task<SmsFactorSaveResult> SaveSecondaryAsync(SmsFactorInput input, CancellationToken cancellationToken)
    {
        var stored = await database.Set<SmsFactorSettings>().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return new SmsFactorSaveResult([new("accountSid", "set the primary account first.")], null);
        }

        if (string.IsNullOrWhiteSpace(input.AccountSid))
        {
            stored.Secondary = null;
            return await SavedAsync(stored, null, cancellationToken);
        }

        var (problems, account, check) = await CheckWithTwilioAsync(input with { PhoneField = null, AllowedCountries = [] },
            stored.Secondary, cancellationToken);
        if (check is null)
        {
            return new SmsFactorSaveResult(problems, null);
        }

        stored.Secondary = account;
        return await SavedAsync(stored, check, cancellationToken);
    }

    /// <summary>True when <paramref name="input"/> says what is stored already (the bootstrap then skips a Twilio round trip).</summary>
    public bool Matches(SmsFactorSettings stored, SmsFactorInput input)
    {
        var wanted = AsStored(input);
        return wanted.PhoneField == stored.PhoneField && wanted.AllowedCountries == stored.AllowedCountries
            && AccountMatches(stored.Primary, input);
    }

    /// <summary>True when <paramref name="input"/> says what <paramref name="stored"/> is: SID, sender, token when typed.</summary>
    public bool AccountMatches(TwilioAccount? stored, SmsFactorInput input)
    {
        var wanted = AsStored(input);
        return stored is not null && wanted.AccountSid == stored.AccountSid && wanted.From == stored.From
            && wanted.MessagingServiceSid == stored.MessagingServiceSid
            && (string.IsNullOrEmpty(input.AuthToken) || protection.AuthToken.Unprotect(stored.ProtectedAuthToken) == input.AuthToken);
    }

    private async Task<SmsFactorSaveResult> SavedAsync(SmsFactorSettings settings, SmsAccountCheck? check,
        CancellationToken cancellationToken)
    {
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        return new SmsFactorSaveResult([], check);
    }

    /// <summary>
    /// The rules, then Twilio: problems (and no check) when the input breaks a rule; else the account as it is to be
    /// stored (with the token typed, or the one <paramref name="stored"/> holds when none was) and Twilio's verdict.
    /// </summary>
    private async Task<(IReadOnlyList<Problems.FieldProblem> Problems, TwilioAccount? Account, SmsAccountCheck? Check)>
        CheckWithTwilioAsync(SmsFactorInput input, TwilioAccount? stored, CancellationToken cancellationToken)
    {
        var problems = SmsFactorRules.Validate(input, hasStoredToken: stored is not null);
        if (problems.Count > 0)
        {
            return (problems, null, null);
        }

        var token = string.IsNullOrEmpty(input.AuthToken) ? protection.AuthToken.Unprotect(stored!.ProtectedAuthToken) : input.AuthToken;
        var wanted = AsStored(input);
        var account = new TwilioAccount
        {
            AccountSid = wanted.AccountSid,
            ProtectedAuthToken = protection.AuthToken.Protect(token),
            From = wanted.From,
            MessagingServiceSid = wanted.MessagingServiceSid,
        };
        var check = await channel.ValidateAsync(account.WithToken(token), cancellationToken);
        account.ValidatedAt = time.GetUtcNow().UtcDateTime;
        account.LastValidationError = check.Problem;
        return ([], account, check);
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

public sealed record SmsAccountCheck(bool IsValid, string? Problem)
{
    public static SmsAccountCheck Valid { get; } = new(true, null);

    public static SmsAccountCheck Invalid(string problem) => new(false, problem);
}

/// <summary>What an administrator (or the bootstrap file) gives for the SMS factor. A null auth token keeps the stored one.</summary>
public sealed record SmsFactorInput(
    string? AccountSid,
    string? AuthToken,
    string? From,
    string? MessagingServiceSid,
    string? PhoneField,
    IReadOnlyList<string> AllowedCountries);

public sealed record SmsFactorSaveResult(IReadOnlyList<FieldProblem> Problems, SmsAccountCheck? Check)
{
    public bool Saved => Problems.Count == 0;
}
