using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Users;

/// <summary>What sessions tell an operator (event ids 6000–6099): back-channel logout deliveries, by client. Never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Back-channel logout delivered to {ClientId} (attempt {Attempt})")]
    public static partial void BackchannelLogoutDelivered(this ILogger logger, string clientId, int attempt);

    [LoggerMessage(6002, LogLevel.Warning, "Back-channel logout to {ClientId} failed (attempt {Attempt}): {Error}; retrying in {Delay}")]
    public static partial void BackchannelLogoutRetrying(this ILogger logger, string clientId, int attempt, string error, TimeSpan delay);

    [LoggerMessage(6003, LogLevel.Warning, "Back-channel logout to {ClientId} given up after {Attempt} attempts: {Error}")]
    public static partial void BackchannelLogoutGivenUp(this ILogger logger, string clientId, int attempt, string error);
}
