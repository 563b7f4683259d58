using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// What the sign-in rules tell an operator (event ids 1000–1199, shared with the host's sign-in pages): each refusal and
/// why. Users by id; a name that matched no account is not logged (it may be a password typed in the wrong field), nor
/// is any code or password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1002, LogLevel.Warning, "Sign-in refused: no account has the name given{Locked}")]
    public static partial void SignInUnknownAccount(this ILogger logger, string locked);

    [LoggerMessage(1003, LogLevel.Warning, "Sign-in refused for user {UserId}: {Reason}")]
    public static partial void SignInRefused(this ILogger logger, string userId, string reason);

    [LoggerMessage(1004, LogLevel.Information, "User {UserId}: password accepted, next step {Step}")]
    public static partial void PasswordAccepted(this ILogger logger, string userId, SignInStep step);

    [LoggerMessage(1101, LogLevel.Warning, "Second factor refused for user {UserId} ({Method})")]
    public static partial void SecondFactorRefused(this ILogger logger, string userId, string method);

    [LoggerMessage(1102, LogLevel.Warning, "User {UserId} locked out after wrong second-factor codes")]
    public static partial void SecondFactorLockedOut(this ILogger logger, string userId);
}
