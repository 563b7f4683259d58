namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// What the OIDC endpoints tell an operator (event ids 2000–2099): every refused request with its RFC error and
/// OpenIddict's description, by client. Never a token, a code or a secret.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Warning, "Authorization request of client {ClientId} refused: {Error} ({Description})")]
    public static partial void AuthorizationRefused(this ILogger logger, string? clientId, string error, string? description);

    [LoggerMessage(2002, LogLevel.Warning, "Token request ({GrantType}) of client {ClientId} refused: {Error} ({Description})")]
    public static partial void TokenRefused(this ILogger logger, string? grantType, string? clientId, string error, string? description);

    [LoggerMessage(2003, LogLevel.Information, "Authorization request of client {ClientId} sent to sign in: {Reason}")]
    public static partial void AuthorizationNeedsSignIn(this ILogger logger, string? clientId, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "{Endpoint} request of client {ClientId} refused: {Error} ({Description})")]
    public static partial void RequestRefused(this ILogger logger, string endpoint, string? clientId, string error, string? description);
}
