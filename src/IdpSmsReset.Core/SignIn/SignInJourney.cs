using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The one owner of "what comes next" in a sign-in. Given the user's second factors and what the session has proved
/// (its <c>amr</c>), it says: the password, a second factor (which methods), enrolment, or done (with the <c>amr</c>).
/// The login, second-factor and enrolment pages and the authorization endpoint all ask it; they only render and redirect.
/// </summary>
public sealed class SignInJourney(SecondFactorMethods secondFactors)
{
    private static readonly IReadOnlyList<string> None = [];

    /// <summary>
    /// The next step for <paramref name="user"/>, with the factors the second-factor and enrolment pages show. A
    /// session that proved a second factor needs nothing read. <paramref name="secondFactorDemanded"/>: the relying
    /// application asked for two factors (<see cref="AuthenticationContexts.MultiFactor"/>), so one is due as if the
    /// user's policy required it.
    /// </summary>
    public async Task<SignInDecision> NextAsync(ApplicationUser user, IReadOnlyCollection<string> proved,
        CancellationToken cancellationToken, bool secondFactorDemanded = false)
    {
        var factors = NeedsFactors(proved) ? await secondFactors.ForUserAsync(user, cancellationToken) : null;
        return AfterRequiredActions(user, Decide(secondFactorDemanded && factors is not null ? factors with { PolicyRequires = true }
            : factors, proved));
    }

    /// <summary>
    /// <paramref name="decision"/>, unless it is done and the user must still choose a new password, then verify a
    /// number: those come first, in that order, with the <c>amr</c> proved so far kept for the session that follows.
    /// </summary>
    public static SignInDecision AfterRequiredActions(ApplicationUser user, SignInDecision decision) =>
        !decision.IsDone ? decision
        : RequiredActions.Has(user, RequiredActions.UpdatePassword) ? decision with { Step = SignInStep.UpdatePassword }
        : RequiredActions.Has(user, RequiredActions.VerifyPhone) && !user.PhoneNumberConfirmed
            ? decision with { Step = SignInStep.VerifyPhone }
        : decision;

    /// <summary>
    /// Whether the session is signed in as far as the journey goes: the question the authorization endpoint asks on
    /// every request. It reads only whether a second factor is due at all (the <see cref="UserSecondFactors.IsRequired"/>
    /// that <see cref="Decide"/> would compute), not the factors themselves. A number to verify waits for the next
    /// sign-in: it may not be possible now (no SMS for the user's policy), and a session must not loop on it.
    /// </summary>
    public async Task<bool> IsDoneAsync(ApplicationUser user, IReadOnlyCollection<string> proved, CancellationToken cancellationToken) =>
        !RequiredActions.Has(user, RequiredActions.UpdatePassword)
        && (NeedsFactors(proved) ? !await secondFactors.IsRequiredAsync(user, cancellationToken) : Decide(factors: null, proved).IsDone);

    /// <summary>
    /// The decision itself, with no I/O. <paramref name="factors"/> may be null when the answer does not depend on
    /// them: nothing, or a second factor, is proved.
    /// </summary>
    public static SignInDecision Decide(UserSecondFactors? factors, IReadOnlyCollection<string> proved)
    {
        // First: a user-verified passkey proves both factors without a password.
        if (proved.Contains(AuthenticationMethods.MultiFactor))
        {
            return Done([.. proved]);
        }

        if (!AuthenticationMethods.ProvesFirstFactor(proved))
        {
            return new SignInDecision(SignInStep.Password, None, None);
        }

        if (proved.FirstOrDefault(IsSecondFactor) is { } shown)
        {
            return Done(AuthenticationMethods.WithSecondFactor(shown));
        }

        ArgumentNullException.ThrowIfNull(factors);
        if (!factors.IsRequired)
        {
            return Done([.. proved]);
        }

        return factors.NeedsEnrolment
            ? new SignInDecision(SignInStep.Enrol, None, None, factors)
            : new SignInDecision(SignInStep.SecondFactor, MethodsOf(factors), None, factors);
    }

    /// <summary>The decision once the password and the second factor shown by <paramref name="method"/> are proved.</summary>
    public static SignInDecision AfterSecondFactor(string method) =>
        Decide(factors: null, [AuthenticationMethods.Password, SecondFactorMethod.AmrOf(method)]);

    /// <summary>The decision once the password and a passkey (its amr, <c>hwk</c> or <c>swk</c>) are proved.</summary>
    public static SignInDecision AfterPasskey(string keyAmr) => Decide(factors: null, [AuthenticationMethods.Password, keyAmr]);

    /// <summary>Only a session that proved the password and nothing more has an answer that depends on the user's factors.</summary>
    private static bool NeedsFactors(IReadOnlyCollection<string> proved) =>
        AuthenticationMethods.ProvesFirstFactor(proved) && !proved.Contains(AuthenticationMethods.MultiFactor)
            && !proved.Any(IsSecondFactor);

    private static bool IsSecondFactor(string amr) => amr is AuthenticationMethods.Sms or AuthenticationMethods.OneTimePassword
        or AuthenticationMethods.HardwareKey or AuthenticationMethods.SoftwareKey;

    // A passkey first: it cannot be phished. Then an app: it needs no SMS. Recovery codes stand in for the app.
    private static IReadOnlyList<string> MethodsOf(UserSecondFactors factors) =>
    [
        .. factors.HasPasskey ? new[] { SecondFactorMethod.Passkey } : [],
        .. factors.HasAuthenticator ? new[] { SecondFactorMethod.App } : [],
        .. factors.CanUseSms ? new[] { SecondFactorMethod.Sms } : [],
        .. factors.HasAuthenticator ? new[] { SecondFactorMethod.Recovery } : [],
    ];

    private static SignInDecision Done(IReadOnlyList<string> amr) => new(SignInStep.Done, None, amr);
}

/// <summary>
/// The journey's answer. <see cref="Methods"/> lists the second-factor methods the user can show, the preferred one
/// first; <see cref="Amr"/> is what the session carries once <see cref="Step"/> is <see cref="SignInStep.Done"/>;
/// <see cref="Factors"/> are what the second-factor and enrolment pages show (set for those two steps).
/// </summary>
public sealed record SignInDecision(SignInStep Step, IReadOnlyList<string> Methods, IReadOnlyList<string> Amr,
    UserSecondFactors? Factors = null)
{
    public bool IsDone => Step == SignInStep.Done;

    /// <summary>SMS is the only way: the code is sent at once, since the user is waiting for it.</summary>
    public bool SendsSmsAtOnce => Step == SignInStep.SecondFactor && Methods is [SecondFactorMethod.Sms];

    public bool Offers(string? method) => method is not null && Methods.Contains(method);

    /// <summary>The method the page shows: the one asked for when the user can show it, otherwise the preferred one.</summary>
    public string MethodOrPreferred(string? asked) => Offers(asked) ? asked! : Methods.FirstOrDefault() ?? SecondFactorMethod.Sms;
}

/// <summary>Where a sign-in goes next.</summary>
public enum SignInStep
{
    /// <summary>Nothing proved yet: the login page.</summary>
    Password,

    /// <summary>The password is proved and a second factor is due: the second-factor page, with one of the offered methods.</summary>
    SecondFactor,

    /// <summary>A second factor is due but the user has none to show: set one up first (or be told nobody can).</summary>
    Enrol,

    /// <summary>Both factors are shown; the user must choose a new password first (<see cref="RequiredActions.UpdatePassword"/>).</summary>
    UpdatePassword,

    /// <summary>
    /// Both factors are shown (and the password chosen); the user must verify a mobile number first
    /// (<see cref="RequiredActions.VerifyPhone"/>).
    /// </summary>
    VerifyPhone,

    /// <summary>Signed in, with the <c>amr</c> the session carries.</summary>
    Done,
}
