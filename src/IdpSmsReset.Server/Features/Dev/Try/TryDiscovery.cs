namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>What <c>/dev/try</c> reads from this server's discovery document, as any relying application does.</summary>
public sealed record TryDiscovery(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, string UserInfoEndpoint,
    string JwksUri, string? EndSessionEndpoint);
