using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account.SecondFactor;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// Where this browser's sign-in stands, in its cookies: pending (the password was right, a second factor is to come) or
/// done (a session). Core decides the step (<see cref="SignInJourney"/>); this carries it out, for the login, passkey,
/// second-factor and enrolment pages alike.
/// </summary>
public sealed class SignInProgress(SessionCookies sessions, PendingSignIn pending, SignInCodes smsCodes,
    RequiredActionProgress requiredActions)
{
    /// <summary>The page that shows the second factor.</summary>
    public const string SecondFactorPage = "/Account/SecondFactor/SecondFactor";

    /// <summary>The page that sets one up.</summary>
    public const string EnrolPage = "/Account/SecondFactor/Enrol";

    /// <summary>The page where a user with a temporary password chooses their own.</summary>
    public const string UpdatePasswordPage = "/Account/RequiredActions/UpdatePassword";

    /// <summary>The page where a user asked to verify a mobile number does so.</summary>
    public const string VerifyPhonePage = "/Account/RequiredActions/VerifyPhone";

    /// <summary>
    /// Carries out the journey's <paramref name="next"/> step after the password: a session when it is done (null is
    /// returned: go on to the application), else a pending sign-in and the page to show, with the SMS code already on
    /// its way when SMS is the only method. <paramref name="secondFactorDemanded"/>: a step-up the relying application
    /// asked for, remembered by the pending sign-in so that its pages ask for the factor the policy alone would not.
    /// </summary>
    /// <param name="identityProvider">The sign-in began at this outside identity provider (<c>fed</c>), not the password.</param>
    public async Task<string?> ContinueAsync(ApplicationUser user, SignInDecision next, CancellationToken cancellationToken,
        bool secondFactorDemanded = false, string? identityProvider = null)
    {
        if (next.IsDone || next.Step is SignInStep.UpdatePassword or SignInStep.VerifyPhone)
        {
            return await FinishAsync(user, next.Amr, identityProvider, skipPhone: false, cancellationToken);
        }

        // A federated first factor is remembered, so the session says fed rather than pwd once the second one is shown.
        await pending.StartAsync(user, secondFactorDemanded: secondFactorDemanded, identityProvider: identityProvider);
        if (next.Step == SignInStep.Enrol)
        {
            return EnrolPage;
        }

        if (next.SendsSmsAtOnce)
        {
            await smsCodes.SendAsync(user, next.Factors!.SmsPhone!, cancellationToken);
        }

        return SecondFactorPage;
    }

    /// <summary>
    /// Signs the user in with what they proved (<paramref name="amr"/>), a pending sign-in ending here; returns null. When
    /// the user must first choose a new password or verify a number, the sign-in stays pending with that proof and the
    /// action's page is returned. <paramref name="skipPhone"/>: the user may not verify a number now (no SMS for their
    /// policy), so that action waits for a later sign-in rather than lock them out.
    /// </summary>
    public async Task<string?> CompleteAsync(ApplicationUser user, IReadOnlyList<string> amr, CancellationToken cancellationToken,
        bool skipPhone = false)
    {
        // The second-factor pages name the password as the first factor; a sign-in that began at an outside identity
        // provider proved fed instead (kept by its pending sign-in, for this same user only).
        // A required action left after a federated sign-in carries fed already.
        var identityProvider = amr.Contains(AuthenticationMethods.Password) || amr.Contains(AuthenticationMethods.Federated)
            ? await pending.IdentityProviderOfAsync(user) : null;
        if (identityProvider is not null)
        {
            amr = [.. amr.Select(method => method == AuthenticationMethods.Password ? AuthenticationMethods.Federated : method)];
        }

        return await FinishAsync(user, amr, identityProvider, skipPhone, cancellationToken);
    }

    private async Task<string?> FinishAsync(ApplicationUser user, IReadOnlyList<string> amr, string? identityProvider, bool skipPhone,
        CancellationToken cancellationToken)
    {
        var page = SignInJourney.AfterRequiredActions(user, new SignInDecision(SignInStep.Done, [], amr)).Step switch
        {
            SignInStep.UpdatePassword => UpdatePasswordPage,
            SignInStep.VerifyPhone when !skipPhone => VerifyPhonePage,
            _ => null,
        };
        if (page is not null)
        {
            await pending.StartAsync(user, amr, identityProvider: identityProvider);
            return page;
        }

        await pending.EndAsync();
        await requiredActions.SignedInAsync(user, amr, sessions.ClientAddress, cancellationToken);
        await sessions.SignInAsync(user, amr, identityProvider);
        return null;
    }

    /// <summary>The user half-way through signing in, and what they proved so far.</summary>
    public Task<(ApplicationUser? User, IReadOnlyList<string> Proved)> PendingWithProofAsync() => pending.ReadWithProofAsync();

    /// <summary>Whether the pending sign-in is a step-up: the second factor is due because the application asked for it.</summary>
    public Task<bool> PendingDemandsSecondFactorAsync() => pending.DemandsSecondFactorAsync();

    /// <summary>The user half-way through signing in (see <see cref="PendingSignIn.ReadAsync"/>), or null.</summary>
    public Task<ApplicationUser?> PendingUserAsync() => pending.ReadAsync();

    /// <summary>Ends a pending sign-in that cannot finish (the account got locked): the password is asked again.</summary>
    public Task AbandonAsync() => pending.EndAsync();
}
