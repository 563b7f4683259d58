using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>Dynamic client registration (event ids 5100–5119): who registered what, and why a registration was refused.</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Application {ClientId} registered itself from {Address} ({AuthMethod})")]
    public static partial void Registered(this ILogger logger, string clientId, string? address, string authMethod);

    [LoggerMessage(5102, LogLevel.Warning, "A registration from {Address} was refused: {Error}")]
    public static partial void RegistrationRefused(this ILogger logger, string? address, string error);
}
