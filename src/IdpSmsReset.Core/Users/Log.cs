using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// What sessions and passwords tell an operator (event ids 6000–6099): back-channel logout deliveries, by client; password
/// hash upgrades, by user. Never a token or a password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Back-channel logout delivered to {ClientId} (attempt {Attempt})")]
    public static partial void BackchannelLogoutDelivered(this ILogger logger, string clientId, int attempt);

    [LoggerMessage(6002, LogLevel.Warning, "Back-channel logout to {ClientId} failed (attempt {Attempt}): {Error}; retrying in {Delay}")]
    public static partial void BackchannelLogoutRetrying(this ILogger logger, string clientId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(6003, LogLevel.Warning, "Back-channel logout to {ClientId} given up after {Attempt} attempts: {Error}")]
    public static partial void BackchannelLogoutGivenUp(this ILogger logger, string clientId, int attempt, string error);

    [LoggerMessage(6004, LogLevel.Information,
        "The imported password hash of user {UserId} is replaced by this server's (a hash was replaced: {Replaced})")]
    public static partial void PasswordHashUpgraded(this ILogger logger, string userId, bool replaced);

    [LoggerMessage(6005, LogLevel.Warning, "The password hash of user {UserId} is upgraded at a later sign-in: the queue is full")]
    public static partial void PasswordHashUpgradeDeferred(this ILogger logger, string userId);

    [LoggerMessage(6006, LogLevel.Warning, "The password hash of user {UserId} could not be upgraded now ({Error}); a later sign-in will")]
    public static partial void PasswordHashUpgradeFailed(this ILogger logger, string userId, string error);
}
