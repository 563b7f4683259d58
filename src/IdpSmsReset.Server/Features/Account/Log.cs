namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// What sign-in tells an operator (event ids 1000–1199): each outcome and, for a refusal, why. Users by id; a name that
/// matched no account is not logged (it may be a password typed in the wrong field), nor is any code or password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "User {UserId} signed in ({Amr})")]
    public static partial void SignedIn(this ILogger logger, string userId, string amr);

    [LoggerMessage(1002, LogLevel.Warning, "Sign-in refused: no account has the name given{Locked}")]
    public static partial void SignInUnknownAccount(this ILogger logger, string locked);

    [LoggerMessage(1003, LogLevel.Warning, "Sign-in refused for user {UserId}: {Reason}")]
    public static partial void SignInRefused(this ILogger logger, string userId, string reason);

    [LoggerMessage(1004, LogLevel.Information, "User {UserId}: password accepted, next step {Step}")]
    public static partial void PasswordAccepted(this ILogger logger, string userId, Core.SignIn.SignInStep step);

    [LoggerMessage(1101, LogLevel.Warning, "Second factor refused for user {UserId} ({Method})")]
    public static partial void SecondFactorRefused(this ILogger logger, string userId, string method);

    [LoggerMessage(1102, LogLevel.Warning, "User {UserId} locked out after wrong second-factor codes")]
    public static partial void SecondFactorLockedOut(this ILogger logger, string userId);

    [LoggerMessage(1150, LogLevel.Information, "User {UserId} added a passkey")]
    public static partial void PasskeyAdded(this ILogger logger, string userId);

    [LoggerMessage(1151, LogLevel.Warning, "A passkey of user {UserId} was not added: the browser's answer did not check out")]
    public static partial void PasskeyNotAdded(this ILogger logger, string userId);

    [LoggerMessage(1152, LogLevel.Information, "User {UserId} removed a passkey")]
    public static partial void PasskeyRemoved(this ILogger logger, string userId);

    [LoggerMessage(1153, LogLevel.Warning, "Passkey sign-in refused{ForUser}: {Reason}")]
    public static partial void PasskeyRefused(this ILogger logger, string forUser, string reason);

    [LoggerMessage(1154, LogLevel.Information, "User {UserId} signed in with a passkey ({Amr})")]
    public static partial void PasskeySignedIn(this ILogger logger, string userId, string amr);
}
