using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Keys;

/// <summary>The token keys' log events (ids 7001–7099). Never the key material.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Created {Use} key {Generation} ({KeyId}); it takes over at {ActiveFrom:u}")]
    public static partial void TokenKeyCreated(this ILogger logger, string use, int generation, string keyId, DateTime activeFrom);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The published {Use} key {KeyId} took over early: rotated now")]
    public static partial void TokenKeyActivatedEarly(this ILogger logger, string use, string keyId);
}
