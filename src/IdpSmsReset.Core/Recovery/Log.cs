using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// What the forgot-password flow tells an operator (event ids 3000–3099): every transition and every refusal, by flow
/// id. Never a code, a password, a phone number in full, or the name typed.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Password reset {FlowId} started (account matched: {AccountMatched})")]
    public static partial void ResetStarted(this ILogger logger, Guid flowId, bool accountMatched);

    [LoggerMessage(3002, LogLevel.Warning, "Password reset refused: too many started from network {Network} in the last hour")]
    public static partial void ResetRefusedForAddress(this ILogger logger, string? network);

    [LoggerMessage(3003, LogLevel.Information, "Password reset {FlowId}: a code was requested")]
    public static partial void ResetCodeRequested(this ILogger logger, Guid flowId);

    [LoggerMessage(3004, LogLevel.Information, "Password reset {FlowId}: a code request was refused ({Reason})")]
    public static partial void ResetCodeRequestRefused(this ILogger logger, Guid flowId, string reason);

    [LoggerMessage(3005, LogLevel.Information, "Password reset {FlowId}: no code was sent: {Reason}")]
    public static partial void ResetCodeNotSent(this ILogger logger, Guid flowId, string reason);

    [LoggerMessage(3006, LogLevel.Information, "Password reset {FlowId}: code sent to {MaskedPhone} (kept: {Kept})")]
    public static partial void ResetCodeSent(this ILogger logger, Guid flowId, string maskedPhone, bool kept);

    [LoggerMessage(3007, LogLevel.Warning, "Password reset {FlowId}: wrong code, {AttemptsLeft} attempt(s) left")]
    public static partial void ResetCodeWrong(this ILogger logger, Guid flowId, int attemptsLeft);

    [LoggerMessage(3008, LogLevel.Warning, "Password reset {FlowId} locked after too many wrong codes")]
    public static partial void ResetLocked(this ILogger logger, Guid flowId);

    [LoggerMessage(3009, LogLevel.Information, "Password reset {FlowId}: code accepted")]
    public static partial void ResetVerified(this ILogger logger, Guid flowId);

    [LoggerMessage(3010, LogLevel.Information, "Password reset {FlowId} completed for user {UserId}")]
    public static partial void ResetCompleted(this ILogger logger, Guid flowId, string userId);

    [LoggerMessage(3011, LogLevel.Information, "Password reset {FlowId}: the new password was refused ({Reason})")]
    public static partial void ResetCompletionRefused(this ILogger logger, Guid flowId, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "Password reset {FlowId}: code check refused ({Outcome})")]
    public static partial void ResetCodeCheckRefused(this ILogger logger, Guid flowId, ResetCodeCheck outcome);

    [LoggerMessage(3013, LogLevel.Warning, "SMS reset suspended for user {UserId} after {WrongCodes} wrong codes in a day")]
    public static partial void ResetSuspended(this ILogger logger, string userId, int wrongCodes);
}
