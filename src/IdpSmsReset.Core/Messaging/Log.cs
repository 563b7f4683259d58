using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// What the SMS path tells an operator (event ids 4000–4099): every outcome of a message, by its id and purpose.
/// Never its text, and a number only masked (the provider's words are masked before they get here).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "SMS {MessageId} expired before it could be sent")]
    public static partial void SmsExpiredBeforeSending(this ILogger logger, Guid messageId);

    [LoggerMessage(4002, LogLevel.Information, "SMS {MessageId} ({Purpose}) accepted by the provider as {ProviderId}")]
    public static partial void SmsAccepted(this ILogger logger, Guid messageId, string purpose, string providerId);

    [LoggerMessage(4003, LogLevel.Warning, "SMS {MessageId} ({Purpose}) failed: {Reason}")]
    public static partial void SmsFailed(this ILogger logger, Guid messageId, string purpose, string reason);

    [LoggerMessage(4004, LogLevel.Warning, "SMS {MessageId} ({Purpose}) expired while retrying: {Reason}")]
    public static partial void SmsExpiredWhileRetrying(this ILogger logger, Guid messageId, string purpose, string reason);

    [LoggerMessage(4005, LogLevel.Information, "SMS {MessageId} ({Purpose}) will be retried in {Delay}: {Reason}")]
    public static partial void SmsRetryScheduled(this ILogger logger, Guid messageId, string purpose, TimeSpan delay, string reason);

    [LoggerMessage(4006, LogLevel.Warning, "SMS ({Purpose}) refused by the outbox: {Reason}")]
    public static partial void SmsRefused(this ILogger logger, string purpose, string reason);

    [LoggerMessage(4007, LogLevel.Information, "SMS {MessageId} queued again by an administrator")]
    public static partial void SmsResent(this ILogger logger, Guid messageId);

    [LoggerMessage(4008, LogLevel.Information, "Delivery report for {ProviderId}: {Reported} ({Outcome})")]
    public static partial void SmsReport(this ILogger logger, string providerId, OutboundSmsStatus reported, SmsStatusUpdate outcome);

    [LoggerMessage(4009, LogLevel.Warning,
        "SMS {MessageId} had been accepted by the provider as {ProviderId} by an attempt that did not record it: not sent again")]
    public static partial void SmsFoundAlreadySent(this ILogger logger, Guid messageId, string providerId);

    [LoggerMessage(4030, LogLevel.Warning, "SMS {MessageId} to a number in {Country} refused before sending: {Kind}")]
    public static partial void SmsNumberRefused(this ILogger logger, Guid messageId, string country, string kind);

    [LoggerMessage(4031, LogLevel.Warning, "SMS {MessageId} ({Purpose}) held by the fraud guard: the budget of {Scope} is spent")]
    public static partial void SmsHeld(this ILogger logger, Guid messageId, string purpose, string scope);

    [LoggerMessage(4032, LogLevel.Warning, "SMS fraud guard alert ({Kind}) for {Scope}")]
    public static partial void SmsFraudAlert(this ILogger logger, string kind, string scope);

    [LoggerMessage(4033, LogLevel.Warning, "SMS surge to {Country}: {LastHour} messages in the last hour")]
    public static partial void SmsSurge(this ILogger logger, string country, double lastHour);

    [LoggerMessage(4034, LogLevel.Information, "{Count} held SMS {Outcome} by an administrator ({Scope})")]
    public static partial void HeldSmsSettled(this ILogger logger, int count, string outcome, string scope);

    [LoggerMessage(4035, LogLevel.Information, "A password reset was refused its proof of work: {Reason}")]
    public static partial void ProofOfWorkRefused(this ILogger logger, string reason);

    [LoggerMessage(4020, LogLevel.Warning, "SMS account {Account}: circuit breaker opened for {BreakDuration} ({LastFailure})")]
    public static partial void SmsBreakerOpened(this ILogger logger, string account, TimeSpan breakDuration, string? lastFailure);

    [LoggerMessage(4021, LogLevel.Information, "SMS account {Account}: circuit breaker closed, the account sends again")]
    public static partial void SmsBreakerClosed(this ILogger logger, string account);

    [LoggerMessage(4023, LogLevel.Error, "SMS account {Account}: the breaker {Transition} but it could not be recorded ({Error})")]
    public static partial void SmsBreakerNotRecorded(this ILogger logger, string account, string transition, string error);

    [LoggerMessage(4022, LogLevel.Warning, "SMS {MessageId} goes through the {Account} account ({Why})")]
    public static partial void SmsFailedOver(this ILogger logger, Guid messageId, string account, string why);
}
