using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// "Forgot password" by SMS. Every step does the same work whether or not the account exists or may reset by SMS:
/// the decision, and the SMS, happen in <see cref="PasswordResetCodeJob"/>. Every state change is a transition of
/// <see cref="PasswordResetFlows"/>; what completion sets off is <see cref="PasswordResetCompletion"/>.
/// </summary>
public sealed class PasswordResetService(
    IdpDbContext database,
    UserManager<ApplicationUser> users,
    SecurityPolicyService policies,
    IOptions<PasswordResetLimits> limits,
    IBackgroundJobClient jobs,
    AuditLog audit,
    PasswordResetFlows flows,
    PasswordResetCompletion completion,
    WrongResetCodeBudget wrongCodes,
    TimeProvider time,
    ILogger<PasswordResetService> logger)
{
    /// <summary>The <see cref="IdentityError.Code"/> of a completion refused because the flow is not (or no longer) verified.</summary>
    public const string ResetOverErrorCode = "ResetOver";

    // Compared against when a flow has no code, so a wrong code costs the same everywhere.
    private static readonly byte[] NoCodeSalt = OneTimeCode.NewSalt();
    private static readonly byte[] NoCodeHash = OneTimeCode.Hash(OneTimeCode.NewNumeric(8), NoCodeSalt);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Starts a flow for whatever name was typed; returns the secret the browser keeps to prove the flow is its own.</summary>
    public async Task<(PasswordResetStart Result, PasswordResetFlow? Flow, string? BrowserKey)> StartAsync(
        string login, string? ipAddress, string? returnUrl, CancellationToken cancellationToken)
    {
        var now = Now;
        var user = await FindUserAsync(login.Trim());
        var browserKey = NewBrowserKey();
        var flow = await NewFlowAsync(user, now, ipAddress, returnUrl, cancellationToken);
        flow.BrowserKeyHash = HashOf(browserKey);
        flow.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        database.Add(flow);
        await database.SaveChangesAsync(cancellationToken);

        // Reserve, then count (this flow included): requests racing past the limit each see the others and refuse.
        if (flow.ClientNetwork is { } network && await database.Set<PasswordResetFlow>()
                .CountAsync(f => f.ClientNetwork == network && f.CreatedAt > now.AddHours(-1),
                    cancellationToken) > limits.Value.PerIpAddressPerHour)
        {
            await database.Set<PasswordResetFlow>().Where(f => f.Id == flow.Id).ExecuteDeleteAsync(cancellationToken);
            logger.ResetRefusedForAddress(network);
            return (PasswordResetStart.TooManyFromAddress, null, null);
        }

        await audit.WriteAsync(AuditEventTypes.PasswordResetRequested, AuditActors.Anonymous, user?.Id, ipAddress,
            user is null ? "No account matched the name given." : null, cancellationToken);
        logger.ResetStarted(flow.Id, user is not null);
        return (PasswordResetStart.Started, flow, browserKey);
    }

    /// <summary>An administrator sends a reset code to a user (helpdesk): the SMS carries a link that the user's browser claims.</summary>
    public async Task<PasswordResetFlow> IssueByAdministratorAsync(ApplicationUser user, string administrator, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var flow = await NewFlowAsync(user, Now, ipAddress, returnUrl: null, cancellationToken);
        flow.IssuedBy = administrator;
        flow.Language = user.PreferredLanguage;
        database.Add(flow);
        await database.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditEventTypes.PasswordResetIssuedByAdministrator, administrator, user.Id, ipAddress, null,
            cancellationToken);
        await RequestCodeAsync(flow, cancellationToken);
        return flow;
    }

    /// <summary>The flow <paramref name="flowId"/> if this browser started (or claimed) it and it has not expired.</summary>
    public async Task<PasswordResetFlow?> FindAsync(Guid flowId, string browserKey, CancellationToken cancellationToken)
    {
        var flow = await database.Set<PasswordResetFlow>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        return flow is { BrowserKeyHash: { } hash } && flow.ExpiresAt > Now && CryptographicOperations.FixedTimeEquals(hash,
            HashOf(browserKey)) ? flow : null;
    }

    /// <summary>The first browser to open an administrator's reset link makes the flow its own; returns its key, or null.</summary>
    public async Task<string?> ClaimAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var browserKey = NewBrowserKey();
        var hash = HashOf(browserKey);
        var now = Now;
        var claimed = await database.Set<PasswordResetFlow>()
            .Where(f => f.Id == flowId && f.IssuedBy != null && f.BrowserKeyHash == null && f.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.BrowserKeyHash, hash), cancellationToken);
        return claimed == 1 ? browserKey : null;
    }

    /// <summary>Asks for a (new) code: allowed once the cooldown has passed; the background job decides and sends.</summary>
    public async Task<(CodeRequest Result, DateTimeOffset? RetryAt)> RequestCodeAsync(PasswordResetFlow flow,
        CancellationToken cancellationToken)
    {
        var now = Now;
        if (!flow.Allows(PasswordResetTransition.RequestCode) || flow.ExpiresAt <= now)
        {
            logger.ResetCodeRequestRefused(flow.Id, $"the flow is {flow.State}{(flow.ExpiresAt <= now ? ", past its lifetime" : "")}");
            return (CodeRequest.FlowOver, null);
        }

        var requested = await flows.RequestCodeAsync(flow, now, cancellationToken);
        if (!requested)
        {
            logger.ResetCodeRequestRefused(flow.Id, "within the cooldown, or the flow moved on");
            var last = await database.Set<PasswordResetFlow>().Where(f => f.Id == flow.Id).Select(f
                => f.CodeRequestedAt).SingleAsync(cancellationToken);
            return (CodeRequest.CoolingDown, last is { } at ? Utc(at.AddSeconds(flow.ResendCooldownSeconds)) : null);
        }

        PasswordResetCodeJob.Enqueue(jobs, flow.Id);
        logger.ResetCodeRequested(flow.Id);
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
    public async Task<ResetCodeChecked> CheckCodeAsync(PasswordResetFlow flow, string typedCode, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var checkedCode = await CompareAsync(flow, typedCode, ipAddress, cancellationToken);
        switch (checkedCode.Check)
        {
            case ResetCodeCheck.Accepted:
                logger.ResetVerified(flow.Id);
                break;
            case ResetCodeCheck.Wrong:
                logger.ResetCodeWrong(flow.Id, checkedCode.AttemptsLeft);
                break;
            default:
                logger.ResetCodeCheckRefused(flow.Id, checkedCode.Check);
                break;
        }

        return checkedCode;
    }

    private async Task<ResetCodeChecked> CompareAsync(PasswordResetFlow flow, string typedCode, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var now = Now;
        if (flow.State == PasswordResetState.Locked)
        {
            return new(ResetCodeCheck.Locked);
        }

        if (!flow.Allows(PasswordResetTransition.TryCode) || flow.ExpiresAt <= now)
        {
            return new(ResetCodeCheck.FlowOver);
        }

        // Counted over every account and flow alike, so saying so reveals nothing about this one.
        var network = limits.Value.NetworkOf(ipAddress);
        if (await wrongCodes.IsAddressOverAsync(network, cancellationToken))
        {
            return new(ResetCodeCheck.TooManyFromAddress);
        }

        // The attempt is taken first; only a request that got one compares. The flow row is re-read for the current code.
        if (!await flows.TryCodeAsync(flow.Id, now, cancellationToken))
        {
            // No attempt left: wrong entries locked the flow, or requests in flight hold the last attempts (a right
            // code among them may yet succeed, so nothing is written here).
            var state = await database.Set<PasswordResetFlow>().Where(f => f.Id == flow.Id).Select(f
                => f.State).SingleAsync(cancellationToken);
            return new(state is PasswordResetState.Locked or PasswordResetState.CodeSent ? ResetCodeCheck.Locked : ResetCodeCheck.FlowOver);
        }

        var current = await database.Set<PasswordResetFlow>().AsNoTracking().SingleAsync(f => f.Id == flow.Id, cancellationToken);
        var code = OneTimeCode.Normalize(typedCode);
        var suspended = await wrongCodes.IsSuspendedAsync(flow.UserId, cancellationToken);
        var matches = OneTimeCode.Matches(code, current.CodeSalt ?? NoCodeSalt,
            current.CodeHash ?? NoCodeHash) && current.CodeHash is not null && !suspended;
        if (matches && current.CodeExpiresAt <= now)
        {
            return new(ResetCodeCheck.Expired);
        }

        if (matches)
        {
            // The same code sent twice at once: one request moves the flow on, the other finds it moved.
            return await flows.VerifyAsync(flow.Id, now, cancellationToken) ? new(ResetCodeCheck.Accepted) : new(ResetCodeCheck.FlowOver);
        }

        await wrongCodes.RecordWrongAsync(flow, network, ipAddress, cancellationToken);
        var attemptsLeft = current.MaxAttempts - current.CodeAttempts;
        await audit.WriteAsync(AuditEventTypes.PasswordResetCodeFailed, AuditActors.Anonymous, flow.UserId, ipAddress,
            $"Attempt {current.CodeAttempts} of {current.MaxAttempts}.", cancellationToken);
        return attemptsLeft <= 0 ? await LockAsync(flow, now, cancellationToken) : new(ResetCodeCheck.Wrong, attemptsLeft);
    }

    /// <summary>Sets the new password, once, for a flow whose code was accepted; the result lists what the policy refused.</summary>
    public async Task<IdentityResult> CompleteAsync(PasswordResetFlow flow, string newPassword, CancellationToken cancellationToken)
    {
        var result = await SetPasswordAsync(flow, newPassword, cancellationToken);
        if (result.Succeeded)
        {
            logger.ResetCompleted(flow.Id, flow.UserId!);
        }
        else
        {
            logger.ResetCompletionRefused(flow.Id, string.Join(", ", result.Errors.Select(error => error.Code)));
        }

        return result;
    }

    private async Task<IdentityResult> SetPasswordAsync(PasswordResetFlow flow, string newPassword, CancellationToken cancellationToken)
    {
        var now = Now;
        var user = flow.UserId is null ? null : await users.FindByIdAsync(flow.UserId);
        var verifiedAfter = now.AddMinutes(-limits.Value.NewPasswordWithinMinutes);
        if (user is null || !flow.Allows(PasswordResetTransition.Complete) || flow.VerifiedAt <= verifiedAfter || flow.ExpiresAt <= now)
        {
            return IdentityResult.Failed(new IdentityError { Code = ResetOverErrorCode,
                Description = "The reset is over (completed, expired or never verified)." });
        }

        // Identity's own reset: the policy's rules and history apply, and the security stamp changes.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        // Identity's reset ran first (a refused password must leave the flow verified); a parallel completion that lost
        // this transition changed the password too, to its own choice, and the side effects below then happen once.
        if (await flows.CompleteAsync(flow.Id, verifiedAfter, now, cancellationToken))
        {
            await completion.ApplyAsync(flow, user, cancellationToken);
        }

        return result;
    }

    private async Task<ResetCodeChecked> LockAsync(PasswordResetFlow flow, DateTime now, CancellationToken cancellationToken)
    {
        if (await flows.LockAsync(flow.Id, now, cancellationToken))
        {
            logger.ResetLocked(flow.Id);
            await audit.WriteAsync(AuditEventTypes.PasswordResetLocked, AuditActors.Anonymous, flow.UserId, flow.IpAddress, null,
                cancellationToken);
        }

        return new(ResetCodeCheck.Locked);
    }

    private async Task<PasswordResetFlow> NewFlowAsync(ApplicationUser? user, DateTime now, string? ipAddress, string? returnUrl,
        CancellationToken cancellationToken)
    {
        // Without an account, the default policy's rules: the page behaves as for most accounts.
        var rules = (await policies.ForUserAsync(user ?? new ApplicationUser(), cancellationToken)).PasswordReset;
        return new PasswordResetFlow
        {
            Id = Guid.NewGuid(),
            UserId = user?.Id,
            State = PasswordResetState.Started,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(limits.Value.FlowLifetimeMinutes),
            IpAddress = ipAddress,
            ClientNetwork = limits.Value.NetworkOf(ipAddress),
            ReturnUrl = returnUrl is { Length: <= 2048 } ? returnUrl : null,
            CodeLength = rules.CodeLength,
            CodeLifetimeMinutes = rules.CodeLifetimeMinutes,
            MaxAttempts = rules.MaxAttempts,
            ResendCooldownSeconds = rules.ResendCooldownSeconds,
        };
    }

    private async Task<ApplicationUser?> FindUserAsync(string login) =>
        await users.FindByNameAsync(login) ?? (login.Contains('@') ? await users.FindByEmailAsync(login) : null);

    private static string NewBrowserKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] HashOf(string browserKey) => SHA256.HashData(Encoding.UTF8.GetBytes(browserKey));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
