using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using System.Globalization;
using System.Security.Cryptography;

namespace IdpSmsReset.Core.Mfa;

/// <summary>Enrols, checks and removes authenticator apps. Secrets are encrypted at rest; a code is accepted once.</summary>
public sealed class AuthenticatorService(IdpDbContext database, MfaProtection protection, TimeProvider time)
{
    /// <summary>How long an enrolment may take between showing the QR code and entering the first code.</summary>
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);

    // One step either side: phones whose clocks drift by up to 30 seconds still work.
    /// <summary>Digits in an authenticator app's code (RFC 6238's usual six, what every app shows).</summary>
    public const int CodeLength = 6;

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    /// <summary>A new secret: its Base32 text (for the QR code and manual entry) and the same secret sealed for the form.</summary>
    public AuthenticatorEnrolment Begin()
    {
        var secret = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        var expires = (time.GetUtcNow() + EnrolmentLifetime).ToUnixTimeSeconds();
        return new AuthenticatorEnrolment(secret, protection.PendingAuthenticatorSecret.Protect($"{expires}|{secret}"));
    }

    /// <summary>The enrolment sealed in the form again, to show the same QR code after a wrong code; null once expired or forged.</summary>
    public AuthenticatorEnrolment? Resume(string? sealedSecret)
    {
        string sealedText;
        try
        {
            sealedText = sealedSecret is null ? "" : protection.PendingAuthenticatorSecret.Unprotect(sealedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = sealedText.Split('|');
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture,
            out var expires) && time.GetUtcNow().ToUnixTimeSeconds() < expires
            ? new AuthenticatorEnrolment(parts[1], sealedSecret!)
            : null;
    }

    public static string ProvisioningUri(string issuer, string accountName, string secret) =>
        new OtpUri(OtpType.Totp, secret, accountName, issuer).ToString();

    /// <summary>Stores the app once the user proves it works by entering its current code; replaces an earlier one.</summary>
    public async Task<bool> CompleteAsync(string userId, AuthenticatorEnrolment enrolment, string typedCode,
        CancellationToken cancellationToken)
    {
        if (!TryMatch(enrolment.Secret, typedCode, out var step))
        {
            return false;
        }

        await database.Set<AuthenticatorApp>().Where(app => app.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        database.Add(AppOf(userId, enrolment.Secret, step));
        await database.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The app that <paramref name="secret"/> (Base32) stands for, enrolled now, its secret encrypted: what an enrolment
    /// stores, and what an import brings from the old system.
    /// </summary>
    public AuthenticatorApp AppOf(string userId, string secret, long lastUsedStep) => new()
    {
        UserId = userId,
        ProtectedSecret = protection.AuthenticatorSecret.Protect(secret),
        EnrolledAt = time.GetUtcNow().UtcDateTime,
        LastUsedStep = lastUsedStep,
    };

    public Task<bool> IsEnrolledAsync(string userId, CancellationToken cancellationToken) =>
        database.Set<AuthenticatorApp>().AnyAsync(app => app.UserId == userId, cancellationToken);

    /// <summary>True for a current code not accepted before; the step is recorded by a conditional update, so a code works once.</summary>
    public async Task<bool> VerifyAsync(string userId, string typedCode, CancellationToken cancellationToken)
    {
        var app = await database.Set<AuthenticatorApp>().AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (app is null || !TryMatch(protection.AuthenticatorSecret.Unprotect(app.ProtectedSecret), typedCode,
            out var step) || step <= app.LastUsedStep)
        {
            return false;
        }

        return await database.Set<AuthenticatorApp>()
            .Where(a => a.UserId == userId && a.LastUsedStep < step)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LastUsedStep, step), cancellationToken) == 1;
    }

    /// <summary>Removes the app and its recovery codes.</summary>
    public async Task RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        await database.Set<AuthenticatorApp>().Where(app => app.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await database.Set<RecoveryCode>().Where(code => code.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private bool TryMatch(string secret, string typedCode, out long step)
    {
        step = 0;
        var code = OneTimeCode.Normalize(typedCode);
        return OneTimeCode.IsWellFormed(code, CodeLength)
            && new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(time.GetUtcNow().UtcDateTime, code, out step, Window);
    }
}

/// <summary>An enrolment in progress: the secret to show, and the same secret sealed for the form.</summary>
public sealed record AuthenticatorEnrolment(string Secret, string SealedSecret);
