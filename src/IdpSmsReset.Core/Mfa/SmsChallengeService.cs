using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Problems;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// Sends sign-in and phone codes by SMS (through the outbox) as <see cref="SmsChallenge"/>s and checks what the user
/// types; the reset flow's state machine takes attempts at its challenges and closes them through the same guarded
/// updates (<see cref="SmsChallenge.TakeAttemptAsync"/>, <see cref="SmsChallenge.CloseAsync"/>), so parallel
/// submissions of one code succeed once and never exceed the attempt limit.
/// </summary>
public sealed class SmsChallengeService(IdpDbContext database, LimitGates gates, SmsOutbox outbox, TimeProvider time)
{
    // How far back an entered code is compared with earlier challenges, to say "already used" or "replaced".
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// Sends a new code unless the hourly limit or the cooldown forbids it. The limits are counted under the user's gate
    /// (<see cref="LimitGates"/>), so of two requests at once exactly one sends; the challenge is written closed (so it
    /// cannot be used yet) until its SMS is queued.
    /// </summary>
    public async Task<SmsChallengeSent> SendAsync(
        string userId, string purpose, string destination, OneTimeCodeRules rules, Func<string, string> textWithCode,
            CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = OneTimeCode.NewNumeric(rules.Length);
        var salt = OneTimeCode.NewSalt();
        var reservation = new SmsChallenge
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Purpose = purpose,
            Destination = destination,
            CodeSalt = salt,
            CodeHash = OneTimeCode.Hash(code, salt),
            CreatedAt = now,
            ExpiresAt = now + rules.Lifetime,
            ClosedAt = now,
            Closure = SmsChallengeClosure.Reserved,
        };
        var refusal = await gates.DecideAsync($"sms-challenge:{userId}:{purpose}", async () =>
        {
            var before = (await database.Set<SmsChallenge>()
                .Where(c => c.UserId == userId && c.Purpose == purpose && c.CreatedAt > now.AddHours(-1))
                .Select(c => c.CreatedAt)
                .ToListAsync(cancellationToken)).Order().ToList();
            var refused =
                before.Count >= rules.MaxSendsPerHour
                    ? new SmsChallengeSent(SmsChallengeSendStatus.TooManySends, destination,
                        Utc(before[^rules.MaxSendsPerHour].AddHours(1)))
                : before.Count > 0 && before[^1] + rules.ResendCooldown > now
                    ? new SmsChallengeSent(SmsChallengeSendStatus.CoolingDown, destination, Utc(before[^1] + rules.ResendCooldown))
                : null;
            if (refused is null)
            {
                database.Add(reservation);
                await database.SaveChangesAsync(cancellationToken);
            }

            return refused;
        }, refused => refused is null, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // Queued after the reservation committed: the outbox's job must find the message, and the reservation holds the place.
        var queued = await outbox.EnqueueAsync(destination, purpose, textWithCode(code), rules.Lifetime, cancellationToken);
        if (queued.Problem is { } problem)
        {
            await database.Set<SmsChallenge>().Where(c => c.Id == reservation.Id).ExecuteDeleteAsync(cancellationToken);
            return SmsChallengeSent.Refused(problem);
        }

        // The SMS is queued: the earlier code stops working and this one starts.
        await OpenOf(userId, purpose).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.ClosedAt, now).SetProperty(c => c.Closure, SmsChallengeClosure.Replaced), cancellationToken);
        await database.Set<SmsChallenge>().Where(c => c.Id == reservation.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, (DateTime?)null).SetProperty(c => c.Closure,
                (SmsChallengeClosure?)null), cancellationToken);
        return new(SmsChallengeSendStatus.Sent, destination, Utc(now + rules.ResendCooldown));
    }

    /// <summary>When the next code may be sent (null: now), for the page to say so before the user tries.</summary>
    public async Task<DateTimeOffset?> NextSendAtAsync(string userId, string purpose, OneTimeCodeRules rules,
        CancellationToken cancellationToken)
    {
        var last = await database.Set<SmsChallenge>()
            .Where(c => c.UserId == userId && c.Purpose == purpose)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return last is { } sent && sent + rules.ResendCooldown > time.GetUtcNow().UtcDateTime ? Utc(sent + rules.ResendCooldown) : null;
    }

    public async Task<SmsCodeResult> CheckAsync(string userId, string purpose, string typedCode, OneTimeCodeRules rules,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = OneTimeCode.Normalize(typedCode);
        if (!OneTimeCode.IsWellFormed(code, rules.Length))
        {
            return new(SmsCodeVerdict.Malformed);
        }

        var recent = await database.Set<SmsChallenge>().AsNoTracking()
            .Where(c => c.UserId == userId && c.Purpose == purpose && c.CreatedAt > now - RecentWindow
                        && (c.Closure == null || c.Closure != SmsChallengeClosure.Reserved))
            .OrderByDescending(c => c.CreatedAt)
            .Take(rules.MaxSendsPerHour + 1)
            .ToListAsync(cancellationToken);
        var latest = recent.FirstOrDefault();
        if (latest is null)
        {
            return new(SmsCodeVerdict.NoCodeSent);
        }

        if (latest.ClosedAt is not null)
        {
            return new(WhyClosed(recent, code));
        }

        if (latest.ExpiresAt <= now)
        {
            return new(SmsCodeVerdict.Expired);
        }

        // The attempt is taken before the code is compared: only requests that got one may compare.
        var attempt = database.Set<SmsChallenge>().Where(c => c.Id == latest.Id);
        if (!await SmsChallenge.TakeAttemptAsync(attempt.Where(c => c.Attempts < rules.MaxAttempts), cancellationToken))
        {
            return new(SmsCodeVerdict.TooManyAttempts);
        }

        if (latest.Holds(code))
        {
            return await SmsChallenge.CloseAsync(attempt, SmsChallengeClosure.Used, now, cancellationToken)
                ? new(SmsCodeVerdict.Accepted, latest.Destination) : new(SmsCodeVerdict.AlreadyUsed);
        }

        var attemptsLeft = rules.MaxAttempts - await attempt.Select(c => c.Attempts).SingleOrDefaultAsync(cancellationToken);
        if (attemptsLeft <= 0)
        {
            await SmsChallenge.CloseAsync(attempt, SmsChallengeClosure.TooManyAttempts, now, cancellationToken);
        }

        var earlier = WhyClosed(recent.Skip(1), code);
        return earlier switch
        {
            SmsCodeVerdict.Wrong when attemptsLeft <= 0 => new(SmsCodeVerdict.TooManyAttempts),
            SmsCodeVerdict.Wrong => new(SmsCodeVerdict.Wrong, AttemptsLeft: attemptsLeft),
            _ => new(earlier),
        };
    }

    private IQueryable<SmsChallenge> OpenOf(string userId, string purpose) =>
        database.Set<SmsChallenge>().Where(c => c.UserId == userId && c.Purpose == purpose && c.ClosedAt == null);

    /// <summary>Why a code typed against closed challenges fails: the closure of the one it belongs to, else wrong.</summary>
    private static SmsCodeVerdict WhyClosed(IEnumerable<SmsChallenge> challenges, string code)
    {
        foreach (var challenge in challenges)
        {
            if (challenge.Holds(code))
            {
                return challenge.Closure switch
                {
                    SmsChallengeClosure.Used => SmsCodeVerdict.AlreadyUsed,
                    SmsChallengeClosure.Replaced => SmsCodeVerdict.Replaced,
                    SmsChallengeClosure.TooManyAttempts => SmsCodeVerdict.TooManyAttempts,
                    _ => SmsCodeVerdict.Wrong,
                };
            }
        }

        return SmsCodeVerdict.Wrong;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>How a kind of SMS code behaves: its length, lifetime, attempts, and how often a new one may be sent.</summary>
public sealed record OneTimeCodeRules(int Length, TimeSpan Lifetime, int MaxAttempts, TimeSpan ResendCooldown, int MaxSendsPerHour)
{
    /// <summary>
    /// Sign-in codes and phone verification codes: 6 digits, valid 5 minutes (the user is waiting for it), 5 wrong
    /// entries per code, a new code after 30 seconds, at most 5 codes an hour.
    /// </summary>
    public static readonly OneTimeCodeRules SignIn = new(6, TimeSpan.FromMinutes(5), 5, TimeSpan.FromSeconds(30), 5);

    /// <summary>The password reset codes of a policy.</summary>
    public static OneTimeCodeRules For(PasswordResetRules reset) => new(
        reset.CodeLength,
        TimeSpan.FromMinutes(reset.CodeLifetimeMinutes),
        reset.MaxAttempts,
        TimeSpan.FromSeconds(reset.ResendCooldownSeconds),
        reset.MaxSendsPerHour);
}

public enum SmsChallengeClosure
{
    Used,
    Replaced,
    TooManyAttempts,
    /// <summary>Written before its SMS is queued, so the limits can be counted; it opens once the SMS is queued, or is deleted.</summary>
    Reserved,
}

public enum SmsChallengeSendStatus
{
    Sent,
    CoolingDown,
    TooManySends,
    Refused,
}

/// <summary>
/// The outcome of asking for a code to <see cref="Destination"/> (E.164; empty when refused); <see cref="RetryAt"/>
/// says when another may be asked for.
/// </summary>
public sealed record SmsChallengeSent(SmsChallengeSendStatus Status, string Destination, DateTimeOffset? RetryAt = null,
    Problem? Problem = null)
{
    public bool IsSent => Status == SmsChallengeSendStatus.Sent;

    public static SmsChallengeSent Refused(Problem problem) => new(SmsChallengeSendStatus.Refused, "", Problem: problem);
}

/// <summary>
/// The outcome of entering a code. Every outcome but <see cref="SmsCodeVerdict.Accepted"/> and
/// <see cref="SmsCodeVerdict.Malformed"/> is a failed attempt.
/// </summary>
public sealed record SmsCodeResult(SmsCodeVerdict Check, string? Destination = null, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == SmsCodeVerdict.Accepted;
}

public enum SmsCodeVerdict
{
    Accepted,
    Wrong,
    Expired,
    AlreadyUsed,
    Replaced,
    TooManyAttempts,
    NoCodeSent,

    /// <summary>Not a code of this kind's length, or not digits: not compared, and no attempt taken.</summary>
    Malformed,
}
