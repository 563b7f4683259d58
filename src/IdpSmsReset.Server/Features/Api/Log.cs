namespace IdpSmsReset.Server.Features.Api;

/// <summary>The management API and SCIM (event ids 2100–2119): why a request was refused at the door, never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(2101, LogLevel.Warning, "API request to {Path} refused: {Reason}")]
    public static partial void ApiRefused(this ILogger logger, string path, string reason);
}
