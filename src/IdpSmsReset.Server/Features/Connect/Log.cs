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

    [LoggerMessage(2014, LogLevel.Information,
        "Client {ClientId} asked for a second factor of a user who has none and may not set one up: unmet_authentication_requirements")]
    public static partial void StepUpUnmet(this ILogger logger, string? clientId);

    [LoggerMessage(2004, LogLevel.Warning, "{Endpoint} request of client {ClientId} refused: {Error} ({Description})")]
    public static partial void RequestRefused(this ILogger logger, string endpoint, string? clientId, string error, string? description);

    [LoggerMessage(2010, LogLevel.Warning, "Device verification refused a user code from {Address}: {Reason}")]
    public static partial void UserCodeRefused(this ILogger logger, string? address, string reason);

    [LoggerMessage(2011, LogLevel.Information, "User {UserId} {Decision} the device request of client {ClientId}")]
    public static partial void DeviceDecided(this ILogger logger, string userId, string decision, string? clientId);

    [LoggerMessage(2012, LogLevel.Information, "Client {ClientId} exchanged a token of user {UserId} for audience {Audience}")]
    public static partial void TokenExchanged(this ILogger logger, string? clientId, string userId, string audience);

    [LoggerMessage(2013, LogLevel.Warning, "Token exchange of client {ClientId} refused: {Reason}")]
    public static partial void TokenExchangeRefused(this ILogger logger, string? clientId, string reason);

    [LoggerMessage(2015, LogLevel.Debug, "OpenIddict handler {Handler} failed on {Event}")]
    public static partial void ServerHandlerFailed(this ILogger logger, Exception exception, string? handler, string @event);

    [LoggerMessage(2016, LogLevel.Debug, "{Event} handled, skipped or rejected by OpenIddict handler {Handler}")]
    public static partial void ServerDispatchEnded(this ILogger logger, string @event, string? handler);
}
