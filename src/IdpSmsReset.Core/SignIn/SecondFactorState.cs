namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// Where a pending sign-in stands: the journey's <see cref="Next"/> step, the <see cref="Method"/> to show (the one asked
/// for when the user can show it, else the preferred one), and when another SMS code may be asked for (null: now).
/// </summary>
public sealed record SecondFactorState(SignInDecision Next, string Method, DateTimeOffset? NextSendAt);
