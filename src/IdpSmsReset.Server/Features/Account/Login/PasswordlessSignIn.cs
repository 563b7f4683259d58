using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account.Passkeys;

namespace IdpSmsReset.Server.Features.Account.Login;

/// <summary>
/// "Sign in with a passkey" on the login page: the browser's answer checked by the passkey ceremony, then Core's rule on
/// whether a passkey alone signs this user in (<see cref="SignInEligibility.PasswordlessAsync"/>).
/// </summary>
public sealed class PasswordlessSignIn(
    PasskeyCeremonies passkeys, SignInEligibility eligibility, PasswordlessAvailability availability, IdpMetrics metrics,
    ILogger<PasswordlessSignIn> logger)
{
    /// <summary>Whether to offer it at all: some policy allows passwordless sign-in.</summary>
    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => availability.IsAvailableAsync(cancellationToken);

    /// <summary>A request for anyone's passkey (the browser offers the ones it has for this server), or null when not offered.</summary>
    public async Task<string?> RequestOptionsAsync(CancellationToken cancellationToken) =>
        await IsAvailableAsync(cancellationToken) ? await passkeys.RequestOptionsAsync(user: null) : null;

    public async Task<PasswordlessAttempt> VerifyAsync(string credentialJson, CancellationToken cancellationToken)
    {
        if (await passkeys.VerifyAsync(credentialJson, user: null, cancellationToken) is not { } proof)
        {
            logger.PasskeyRefused("", "the passkey's answer did not check out");
            return PasswordlessAttempt.NotAccepted;
        }

        var user = proof.User;
        var refusal = await eligibility.PasswordlessAsync(user, proof.UserVerified, cancellationToken);
        if (refusal != PasswordlessRefusal.None)
        {
            logger.PasskeyRefused(" for user " + user.Id, refusal switch
            {
                PasswordlessRefusal.MayNotSignIn => "locked out or not allowed to sign in",
                PasswordlessRefusal.PolicyAsksForThePassword => "the user's policy does not allow passwordless sign-in",
                _ => "the passkey did not verify the user",
            });
            metrics.SignIn("passkey_refused");
            return new PasswordlessAttempt(user, refusal, []);
        }

        var amr = AuthenticationMethods.Passwordless(proof.KeyAmr);
        logger.PasskeySignedIn(user.Id, string.Join(' ', amr));
        metrics.SignIn("success");
        return new PasswordlessAttempt(user, refusal, amr);
    }
}

/// <summary>
/// What a passkey offered alone came to: no <see cref="User"/> when its answer did not check out; otherwise the user it
/// names and, when <see cref="Refusal"/> is none, the <see cref="Amr"/> the session carries.
/// </summary>
public sealed record PasswordlessAttempt(ApplicationUser? User, PasswordlessRefusal Refusal, IReadOnlyList<string> Amr)
{
    public static readonly PasswordlessAttempt NotAccepted = new(null, PasswordlessRefusal.None, []);

    public bool SignsIn => User is not null && Refusal == PasswordlessRefusal.None;
}
