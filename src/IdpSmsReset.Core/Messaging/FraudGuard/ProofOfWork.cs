using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// The self-hosted proof of work before an unauthenticated SMS (a reset code): nothing leaves for an outside CAPTCHA
/// service. Challenges are stateless until answered (the page view writes nothing); an answer is accepted once, on any
/// instance, by inserting its challenge as a <see cref="SpentProof"/>. Whether it is needed is decided before the name
/// typed is looked at, so the answer is the same for known and unknown names.
/// </summary>
public sealed class ProofOfWork(
    IdpDbContext database, SmsFraudGuardDirectory directory, IDataProtectionProvider protection, IOptions<SmsFraudGuardOptions> options,
    TimeProvider time, ILogger<ProofOfWork> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("IdpSmsReset.ProofOfWork.v1");

    /// <summary>Needed always, never, or while a surge mark lasts, as <c>Idp:Sms:FraudGuard:ProofOfWork</c> says.</summary>
    public async Task<bool> RequiredAsync(CancellationToken cancellationToken)
    {
        var mode = options.Value.ProofOfWork;
        if (mode != SmsFraudGuardOptions.WhenSuspected)
        {
            return mode == SmsFraudGuardOptions.Always;
        }

        return await directory.SuspectedAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public ProofOfWorkChallenge Issue()
    {
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow().UtcDateTime;
        var difficulty = options.Value.Difficulty;
        var token = _protector.Protect($"{challenge}|{difficulty}|{now.Ticks.ToString(CultureInfo.InvariantCulture)}");
        return new ProofOfWorkChallenge(token, challenge, difficulty);
    }

    /// <summary>Judges an answer and, when it is good, spends its challenge so it is never accepted again.</summary>
    public async Task<ProofOfWorkVerdict> SpendAsync(string? token, string? nonce, CancellationToken cancellationToken)
    {
        var verdict = await JudgeAsync(token, nonce, cancellationToken);
        if (verdict != ProofOfWorkVerdict.Accepted)
        {
            logger.ProofOfWorkRefused(verdict.ToString());
        }

        return verdict;
    }

    private async Task<ProofOfWorkVerdict> JudgeAsync(string? token, string? nonce, CancellationToken cancellationToken)
    {
        if (Read(token) is not var (challenge, difficulty, issuedAt))
        {
            return ProofOfWorkVerdict.Missing;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = issuedAt + options.Value.ChallengeLifetime;
        if (now >= expiresAt)
        {
            return ProofOfWorkVerdict.Expired;
        }

        if (!Solves(challenge, nonce, difficulty) && now < issuedAt + options.Value.WaitWithoutScript)
        {
            return ProofOfWorkVerdict.TooEarly;
        }

        database.Add(new SpentProof { Challenge = challenge, ExpiresAt = expiresAt });
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return ProofOfWorkVerdict.Accepted;
        }
        catch (DbUpdateException)
        {
            database.ChangeTracker.Clear();
            return ProofOfWorkVerdict.Replayed;
        }
    }

    /// <summary>Whether SHA-256 of the challenge followed by the nonce (decimal digits) starts with enough zero bits.</summary>
    public static bool Solves(string challenge, string? nonce, int difficulty)
    {
        if (nonce is not { Length: > 0 and <= 16 } || !nonce.All(char.IsAsciiDigit))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(challenge + nonce));
        var zeros = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                zeros += 8;
                continue;
            }

            zeros += System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
            break;
        }

        return zeros >= difficulty;
    }

    private (string Challenge, int Difficulty, DateTime IssuedAt)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var difficulty)
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
                ? (parts[0], difficulty, new DateTime(ticks, DateTimeKind.Utc))
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// What a page hands the browser: the <see cref="Challenge"/> to hash with a nonce until <see cref="Difficulty"/> leading
/// bits are zero, and the <see cref="Token"/> (the challenge, its difficulty and issue time, under Data Protection) to
/// send back with the nonce. Without script, the token alone is accepted once
/// <see cref="SmsFraudGuardOptions.WaitWithoutScript"/> has passed.
/// </summary>
public sealed record ProofOfWorkChallenge(string Token, string Challenge, int Difficulty);

/// <summary>How a proof of work was judged; only <see cref="Accepted"/> lets the request through.</summary>
public enum ProofOfWorkVerdict
{
    Accepted,

    /// <summary>No token, or one this server did not make (or made for another purpose).</summary>
    Missing,

    /// <summary>Neither a nonce that solves the challenge nor a wait long enough.</summary>
    TooEarly,

    Expired,

    /// <summary>The challenge was answered before.</summary>
    Replayed,
}
