namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// What sign-in tells an operator (event ids 1000–1199): each outcome and, for a refusal, why. Users by id; a name that
/// matched no account is not logged (it may be a password typed in the wrong field), nor is any code or password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "User {UserId} signed in ({Amr})")]
    public static partial void SignedIn(this ILogger logger, string userId, string amr);

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
