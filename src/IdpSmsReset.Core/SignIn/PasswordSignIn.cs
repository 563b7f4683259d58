using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The first step of a sign-in: a name (or e-mail) and a password. A right password for a user who may sign in resets the
/// failure count and asks the journey what comes next; a wrong one counts towards the lockout of the user's policy. A name
/// that is no account costs the same and locks the same way (<see cref="UnknownAccountGuard"/>), so nothing tells which.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<ApplicationUser> users,
    SignInEligibility eligibility,
    UnknownAccountGuard unknownAccounts,
    SecurityPolicyService policies,
    SignInJourney journey,
    SignInFailures failures,
    IdpMetrics metrics,
    AuditLog audit,
    ILogger<PasswordSignIn> logger)
{
    public async Task<PasswordSignInOutcome> CheckAsync(string login, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameOrEmailAsync(login);
        if (user is null)
        {
            var lockout = (await policies.DefaultAsync(cancellationToken)).Lockout;
            var (unknown, lockedUntil) = await unknownAccounts.CheckPasswordAsync(login, password, lockout, cancellationToken);
            logger.SignInUnknownAccount(unknown.IsLockedOut ? " (the name is locked after repeated failures)" : "");
            metrics.SignIn("unknown_account");
            audit.Raise(AuditEventTypes.SignInFailed, AuditActors.Anonymous, null, null, Reason("unknown_account"));
            return await RefusedAsync(null, unknown.IsLockedOut, lockedUntil, cancellationToken);
        }

        // As Identity's sign-in manager: a user who may not sign in is refused before the password is looked at.
        var refusal = await eligibility.RefusalAsync(user);
        if (refusal == SignInRefusal.None && await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            var next = await journey.NextAsync(user, [AuthenticationMethods.Password], cancellationToken);
            logger.PasswordAccepted(user.Id, next.Step);
            metrics.SignIn(next.IsDone ? "success" : "mfa_required");
            return PasswordSignInOutcome.Accepted(user, next);
        }

        var (reason, result) = Describe(refusal);
        // Saved once, at the end, with a lockout the count may cause: one insert for both.
        audit.Raise(AuditEventTypes.SignInFailed, AuditActors.Anonymous, user.Id, null, Reason(result));
        if (refusal == SignInRefusal.None)
        {
            await users.AccessFailedAsync(user);
            if ((refusal = await eligibility.RefusalAsync(user)) == SignInRefusal.LockedOut)
            {
                audit.Raise(AuditEventTypes.SignInLockedOut, AuditActors.System, user.Id, null,
                    $"Locked until {user.LockoutEnd:u} after repeated wrong passwords.");
                (reason, result) = Describe(refusal);
            }
        }

        logger.SignInRefused(user.Id, reason);
        metrics.SignIn(result);
        return await RefusedAsync(user, refusal == SignInRefusal.LockedOut, user.LockoutEnd, cancellationToken);
    }

    private async Task<PasswordSignInOutcome> RefusedAsync(ApplicationUser? user, bool lockedOut, DateTimeOffset? lockedUntil,
        CancellationToken cancellationToken)
    {
        await failures.RecordAsync(cancellationToken);
        await audit.SaveRaisedAsync(cancellationToken);
        return PasswordSignInOutcome.Refused(user, lockedOut, lockedOut ? lockedUntil : null);
    }

    private static (string Reason, string Result) Describe(SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.LockedOut => ("locked out", "locked"),
        SignInRefusal.NotAllowed => ("not allowed to sign in", "not_allowed"),
        SignInRefusal.Disabled => ("disabled by an administrator", "disabled"),
        _ => ("wrong password", "wrong_password"),
    };

    /// <summary>The audit's reason code: the metric's result, so a chart and the log say the same.</summary>
    private static string Reason(string code) => $"Reason: {code}.";
}

/// <summary>
/// What a name and password came to: <see cref="Next"/> (the journey's next step) when the password was right, else a
/// refusal that reads the same for a real and an unknown account (<see cref="LockedOut"/> with its end, or a wrong
/// name or password).
/// </summary>
public sealed record PasswordSignInOutcome(ApplicationUser? User, SignInDecision? Next, bool LockedOut, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Next is not null;

    public static PasswordSignInOutcome Accepted(ApplicationUser user, SignInDecision next) => new(user, next, false, null);

    public static PasswordSignInOutcome Refused(ApplicationUser? user, bool lockedOut, DateTimeOffset? lockedUntil) =>
        new(user, null, lockedOut, lockedUntil);
}

/// <summary>Why a user may not sign in now (<see cref="SignInEligibility.RefusalAsync"/>); each way in words it its own way.</summary>
public enum SignInRefusal
{
    None,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,

    /// <summary>Identity asks for a confirmation (e-mail, phone) the account does not have.</summary>
    NotAllowed,

    /// <summary>Too many wrong passwords or codes: the account is locked until its lockout ends.</summary>
    LockedOut,
}
