namespace IdpSmsReset.Server.Features.Webhooks;

/// <summary>Refused webhook calls (event ids 4500–4599): someone or something is calling without the right to.</summary>
internal static partial class Log
{
    [LoggerMessage(4501, LogLevel.Warning, "Twilio status webhook refused: {Reason}")]
    public static partial void WebhookRefused(this ILogger logger, string reason);
}
