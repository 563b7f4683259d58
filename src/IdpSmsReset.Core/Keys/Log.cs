using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Keys;

/// <summary>The token keys' log events (ids 7001–7099). Never the key material.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Created {Use} key {Generation} ({KeyId}); it takes over at {ActiveFrom:u}")]
    public static partial void TokenKeyCreated(this ILogger logger, string use, int generation, string keyId, DateTime activeFrom);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "The {Use} {Algorithm} key published ahead of its turn was dropped: a key made now takes over instead")]
    public static partial void TokenKeySuccessorDropped(this ILogger logger, string use, string algorithm);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "The {Use} key {Generation} ({KeyId}) was revoked: it is no longer published nor trusted")]
    public static partial void TokenKeyRevoked(this ILogger logger, string use, int generation, string keyId);
}
