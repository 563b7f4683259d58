namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>The token endpoint's answer: the tokens, or the OAuth error (RFC 6749, section 5.2).</summary>
public sealed record TryTokens(string? IdToken, string? AccessToken, string? RefreshToken, string? Scope, int? ExpiresIn,
    string? Error, string? ErrorDescription);
