using IdpSmsReset.Core.Mfa;

namespace IdpSmsReset.Core.SignIn;

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
