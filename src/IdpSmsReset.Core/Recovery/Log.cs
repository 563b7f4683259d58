using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// What the forgot-password flow tells an operator (event ids 3000–3099): every transition and every refusal, by
/// <see cref="FlowRef"/>. Never a code, a password, a phone number in full, the name typed, or a flow's id.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Password reset {FlowRef} started (account matched: {AccountMatched})")]
    public static partial void ResetStarted(this ILogger logger, string flowRef, bool accountMatched);

    [LoggerMessage(3002, LogLevel.Warning, "Password reset refused: too many started from network {Network} in the last hour")]
    public static partial void ResetRefusedForAddress(this ILogger logger, string? network);

    [LoggerMessage(3003, LogLevel.Information, "Password reset {FlowRef}: a code was requested")]
    public static partial void ResetCodeRequested(this ILogger logger, string flowRef);

    [LoggerMessage(3004, LogLevel.Information, "Password reset {FlowRef}: a code request was refused ({Reason})")]
    public static partial void ResetCodeRequestRefused(this ILogger logger, string flowRef, string reason);

    [LoggerMessage(3005, LogLevel.Information, "Password reset {FlowRef}: no code was sent: {Reason}")]
    public static partial void ResetCodeNotSent(this ILogger logger, string flowRef, string reason);

    [LoggerMessage(3006, LogLevel.Information, "Password reset {FlowRef}: code sent to {MaskedPhone} (kept: {Kept})")]
    public static partial void ResetCodeSent(this ILogger logger, string flowRef, string maskedPhone, bool kept);

    [LoggerMessage(3007, LogLevel.Warning, "Password reset {FlowRef}: wrong code, {AttemptsLeft} attempt(s) left")]
    public static partial void ResetCodeWrong(this ILogger logger, string flowRef, int attemptsLeft);

    [LoggerMessage(3008, LogLevel.Warning, "Password reset {FlowRef} locked after too many wrong codes")]
    public static partial void ResetLocked(this ILogger logger, string flowRef);

    [LoggerMessage(3009, LogLevel.Information, "Password reset {FlowRef}: code accepted")]
    public static partial void ResetVerified(this ILogger logger, string flowRef);

    [LoggerMessage(3010, LogLevel.Information, "Password reset {FlowRef} completed for user {UserId}")]
    public static partial void ResetCompleted(this ILogger logger, string flowRef, string userId);

    [LoggerMessage(3011, LogLevel.Information, "Password reset {FlowRef}: the new password was refused ({Reason})")]
    public static partial void ResetCompletionRefused(this ILogger logger, string flowRef, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "Password reset {FlowRef}: code check refused ({Outcome})")]
    public static partial void ResetCodeCheckRefused(this ILogger logger, string flowRef, ResetCodeVerdict outcome);

    [LoggerMessage(3013, LogLevel.Warning, "SMS reset suspended for user {UserId} after {WrongCodes} wrong codes in a day")]
    public static partial void ResetSuspended(this ILogger logger, string userId, int wrongCodes);

    [LoggerMessage(3014, LogLevel.Information, "SMS reset allowed again for user {UserId} by {Actor}")]
    public static partial void ResetSuspensionLifted(this ILogger logger, string userId, string actor);

    [LoggerMessage(3015, LogLevel.Information, "Password reset {FlowRef} issued for user {UserId} by administrator {Administrator}")]
    public static partial void ResetIssuedByAdministrator(this ILogger logger, string flowRef, string userId, string administrator);
}
