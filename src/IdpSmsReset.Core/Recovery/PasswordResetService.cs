using Hangfire;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The steps of "forgot password" by SMS once a flow exists (<see cref="PasswordResetStarter"/> starts it and binds it to
/// a browser): ask for a code, enter it, set the new password. Every step does the same work whether or not the account
/// exists or may reset by SMS: the decision, and the SMS, happen in <see cref="PasswordResetCodeJob"/>. Every state
/// change is a transition of <see cref="PasswordResetStateMachine"/>; what completion sets off is <see cref="PasswordResetCompletion"/>.
/// </summary>
public sealed class PasswordResetService(
    IdpUserManager users,
    IOptions<PasswordResetLimits> limits,
    IBackgroundJobClient jobs,
    AuditLog audit,
    PasswordResetStateMachine flows,
    PasswordResetCompletion completion,
    ResetSuspensions suspensions,
    Limits.Budgets budgets,
    IOptions<Limits.ClientNetworkOptions> networks,
    TimeProvider time,
    IdpMetrics metrics,
    ILogger<PasswordResetService> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Asks for a (new) code: allowed once the cooldown has passed; the background job decides and sends.</summary>
    public async Task<(CodeRequest Result, DateTimeOffset? RetryAt)> RequestCodeAsync(PasswordResetFlow flow,
        CancellationToken cancellationToken)
    {
        var now = Now;
        if (!flow.Allows(PasswordResetTransition.RequestCode) || flow.ExpiresAt <= now)
        {
            var why = flow.ExpiresAt <= now ? "the flow is past its lifetime" : $"the flow is {flow.State}";
            logger.ResetCodeRequestRefused(FlowRef.Of(flow.Id), why);
            return (CodeRequest.FlowOver, null);
        }

        var requested = await flows.RequestCodeAsync(flow, now, cancellationToken);
        if (!requested)
        {
            logger.ResetCodeRequestRefused(FlowRef.Of(flow.Id), "within the cooldown, or the flow moved on");
            var last = (await flows.ReadAsync(flow.Id, cancellationToken)).CodeRequestedAt;
            return (CodeRequest.CoolingDown, last is { } at ? Utc(at.AddSeconds(flow.ResendCooldownSeconds)) : null);
        }

        PasswordResetCodeJob.Enqueue(jobs, flow.Id);
        metrics.ResetStep("code_requested", "accepted");
        logger.ResetCodeRequested(FlowRef.Of(flow.Id));
        return (CodeRequest.Requested, Utc(now.AddSeconds(flow.ResendCooldownSeconds)));
    }

    /// <summary>When another code may be asked for (null: now).</summary>
    public DateTimeOffset? NextCodeAt(PasswordResetFlow flow) =>
        flow.CodeRequestedAt is { } at && at.AddSeconds(flow.ResendCooldownSeconds) > Now ? Utc(at.AddSeconds(flow.ResendCooldownSeconds))
            : null;

    /// <summary>
    /// Checks a typed code. A flow that holds no code (none was sent) answers exactly as one whose code was typed
    /// wrong, and so does every flow of an account whose SMS reset is suspended.
    /// </summary>
    public async Task<ResetCodeResult> CheckCodeAsync(PasswordResetFlow flow, string typedCode, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var checkedCode = await CompareAsync(flow, typedCode, ipAddress, cancellationToken);
        metrics.ResetStep("code_checked", checkedCode.Check.ToString().ToLowerInvariant());
        switch (checkedCode.Check)
        {
            case ResetCodeVerdict.Accepted:
                logger.ResetVerified(FlowRef.Of(flow.Id));
                break;
            case ResetCodeVerdict.Wrong:
                logger.ResetCodeWrong(FlowRef.Of(flow.Id), checkedCode.AttemptsLeft);
                break;
            default:
                logger.ResetCodeCheckRefused(FlowRef.Of(flow.Id), checkedCode.Check);
                break;
        }

        return checkedCode;
    }

    private async Task<ResetCodeResult> CompareAsync(PasswordResetFlow flow, string typedCode, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var now = Now;
        if (flow.State == PasswordResetState.Locked)
        {
            return new(ResetCodeVerdict.Locked);
        }

        if (!flow.Allows(PasswordResetTransition.TryCode) || flow.ExpiresAt <= now)
        {
            return new(ResetCodeVerdict.FlowOver);
        }

        var code = OneTimeCode.Normalize(typedCode);
        if (!OneTimeCode.IsWellFormed(code, Policies.PasswordResetRules.MinCodeLength, Policies.PasswordResetRules.MaxCodeLength))
        {
            return new(ResetCodeVerdict.Malformed);
        }

        // Counted over every account and flow alike, so saying so reveals nothing about this one.
        var network = networks.Value.Of(ipAddress);
        if (await budgets.IsSpentAsync(limits.Value.WrongCodesPerAddress, network, cancellationToken))
        {
            return new(ResetCodeVerdict.TooManyFromAddress);
        }

        // The attempt is taken first; only a request that got one compares. The challenge is read after, for the current code.
        if (!await flows.TryCodeAsync(flow.Id, now, cancellationToken))
        {
            // No attempt left: wrong entries locked the flow, or requests in flight hold the last attempts (a right
            // code among them may yet succeed, so nothing is written here).
            var state = (await flows.ReadAsync(flow.Id, cancellationToken)).State;
            return new(state is PasswordResetState.Locked or PasswordResetState.CodeSent
                ? ResetCodeVerdict.Locked : ResetCodeVerdict.FlowOver);
        }

        // A challenge pruned under a flow still running (it cannot be, but) reads as one without a code.
        var challenge = await flows.ChallengeAsync(flow.Id, cancellationToken)
            ?? new Mfa.SmsChallenge { Purpose = Messaging.SmsPurposes.PasswordReset, Attempts = flow.MaxAttempts };
        var suspended = await suspensions.IsSuspendedAsync(flow.UserId, cancellationToken);
        var matches = challenge.Holds(code) && !suspended;
        if (matches && challenge.ExpiresAt <= now)
        {
            return new(ResetCodeVerdict.Expired);
        }

        if (matches)
        {
            // The same code sent twice at once: one request moves the flow on, the other finds it moved.
            return await flows.VerifyAsync(flow.Id, challenge.Id, now, cancellationToken)
                ? new(ResetCodeVerdict.Accepted) : new(ResetCodeVerdict.FlowOver);
        }

        await suspensions.ChargeWrongCodeAsync(flow.UserId, network, ipAddress, cancellationToken);
        var attemptsLeft = flow.MaxAttempts - challenge.Attempts;
        await audit.RaiseAsync(AuditEventTypes.PasswordResetCodeFailed, AuditActors.Anonymous, flow.UserId, ipAddress,
            $"Attempt {challenge.Attempts} of {flow.MaxAttempts}.", cancellationToken);
        return attemptsLeft <= 0 ? await LockAsync(flow, challenge.Id, now, cancellationToken) : new(ResetCodeVerdict.Wrong, attemptsLeft);
    }

    /// <summary>Sets the new password, once, for a flow whose code was accepted; the result lists what the policy refused.</summary>
    public async Task<ResetCompleted> CompleteAsync(PasswordResetFlow flow, string newPassword, CancellationToken cancellationToken)
    {
        var (result, refusedBy) = await SetPasswordAsync(flow, newPassword, cancellationToken);
        metrics.ResetStep("completed", result.Succeeded ? "done" : result.Over ? "over" : "password_refused");
        if (result.Succeeded)
        {
            logger.ResetCompleted(FlowRef.Of(flow.Id), flow.UserId!);
        }
        else
        {
            logger.ResetCompletionRefused(FlowRef.Of(flow.Id), result.Over ? "the reset is over" : string.Join(", ", refusedBy));
        }

        return result;
    }

    /// <summary>The outcome, and the codes of the password rules that refused it (for the log).</summary>
    private async Task<(ResetCompleted Result, IEnumerable<string> RefusedBy)> SetPasswordAsync(
        PasswordResetFlow flow, string newPassword, CancellationToken cancellationToken)
    {
        var now = Now;
        var user = flow.UserId is null ? null : await users.FindByIdAsync(flow.UserId);
        var verifiedAfter = now.AddMinutes(-limits.Value.NewPasswordWithinMinutes);
        if (user is null || !flow.Allows(PasswordResetTransition.Complete) || flow.VerifiedAt <= verifiedAfter || flow.ExpiresAt <= now)
        {
            return (ResetCompleted.ResetOver, []);
        }

        var result = await users.ReplacePasswordAsync(user, newPassword);
        if (!result.Succeeded)
        {
            var refusedBy = result.Errors.Select(error => error.Code);
            return (ResetCompleted.Refused(result.Errors.Select(error => error.Description)), refusedBy);
        }

        // Identity's reset ran first (a refused password must leave the flow verified); a parallel completion that lost
        // this transition changed the password too, to its own choice, and the side effects below then happen once.
        if (await flows.CompleteAsync(flow.Id, verifiedAfter, now, cancellationToken))
        {
            await completion.ApplyAsync(flow, user, cancellationToken);
        }

        return (ResetCompleted.Done, []);
    }

    private async Task<ResetCodeResult> LockAsync(PasswordResetFlow flow, Guid challengeId, DateTime now,
        CancellationToken cancellationToken)
    {
        if (await flows.LockAsync(flow.Id, challengeId, now, cancellationToken))
        {
            logger.ResetLocked(FlowRef.Of(flow.Id));
            await audit.RaiseAsync(AuditEventTypes.PasswordResetLocked, AuditActors.Anonymous, flow.UserId, flow.IpAddress, null,
                cancellationToken);
        }

        return new(ResetCodeVerdict.Locked);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

public enum CodeRequest
{
    Requested,
    CoolingDown,
    /// <summary>The flow is over (locked, completed, expired): start again.</summary>
    FlowOver,
}

/// <summary>The outcome of entering a reset code, and how many attempts are left for this code.</summary>
public sealed record ResetCodeResult(ResetCodeVerdict Check, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == ResetCodeVerdict.Accepted;
}

public enum ResetCodeVerdict
{
    Accepted,
    Wrong,
    Expired,
    /// <summary>This wrong entry used the last attempt, or the flow was locked already.</summary>
    Locked,
    /// <summary>Too many wrong codes from this address in the last hour, over all accounts: the entry was not compared.</summary>
    TooManyFromAddress,
    /// <summary>The flow is past the code step (completed, or expired as a whole).</summary>
    FlowOver,

    /// <summary>
    /// Not digits, or a length no policy's codes have (<see cref="Policies.PasswordResetRules.MinCodeLength"/> to
    /// <see cref="Policies.PasswordResetRules.MaxCodeLength"/>): not compared, and no attempt taken. The range is every
    /// policy's, not this flow's, so the answer cannot tell an account's policy (or that it exists) from a made-up one.
    /// </summary>
    Malformed,
}

/// <summary>
/// The outcome of setting the new password: done; the reset is over (completed, expired, or never verified: start
/// again); or the password was refused, with what the user's policy says of it (already in the reader's language).
/// </summary>
public sealed record ResetCompleted(bool Succeeded, bool Over, IReadOnlyList<string> PasswordProblems)
{
    public static ResetCompleted Done { get; } = new(true, false, []);

    public static ResetCompleted ResetOver { get; } = new(false, true, []);

    public static ResetCompleted Refused(IEnumerable<string> problems) => new(false, false, [.. problems]);
}
