using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>
/// The back channel of <c>/dev/try</c>: it talks to this server over HTTP at its issuer, exactly as an outside relying
/// application would (discovery, the token endpoint, userinfo, the published keys), so what it shows is what they get.
/// </summary>
internal sealed class TryRelyingParty(HttpClient http)
{
    // Shown on a page, which encodes it: the JSON itself keeps names and URLs readable.
    private static readonly JsonSerializerOptions Display = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<TryDiscovery> DiscoverAsync(string issuer, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(
            issuer.TrimEnd('/') + "/.well-known/openid-configuration", cancellationToken));
        var root = document.RootElement;
        string? Read(string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new TryDiscovery(Read("issuer")!, Read("authorization_endpoint")!, Read("token_endpoint")!, Read("userinfo_endpoint")!,
            Read("jwks_uri")!, Read("end_session_endpoint"));
    }

    public Task<TryTokens> RedeemAsync(TryDiscovery discovery, TryFlow flow, string code, string callback,
        CancellationToken cancellationToken) =>
        TokenRequestAsync(discovery, flow, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = callback, ["code_verifier"] = flow.Verifier,
        }, cancellationToken);

    public Task<TryTokens> RefreshAsync(TryDiscovery discovery, TryFlow flow, string refreshToken, CancellationToken cancellationToken) =>
        TokenRequestAsync(discovery, flow, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    /// <summary>The userinfo answer, indented; or the status and the WWW-Authenticate error when refused.</summary>
    public async Task<string> UserInfoAsync(TryDiscovery discovery, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, discovery.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? Indented(await response.Content.ReadAsStringAsync(cancellationToken))
            : $"{(int)response.StatusCode} {response.ReasonPhrase}: {response.Headers.WwwAuthenticate}";
    }

    /// <summary>
    /// Checks the ID token as a relying application must (OpenID Connect Core, section 3.1.3.7): signed by a published
    /// key, from this issuer, for this client, unexpired, and carrying the nonce this sign-in sent. Null when it holds.
    /// </summary>
    public async Task<string?> ProblemWithIdTokenAsync(TryDiscovery discovery, string idToken, TryFlow flow, bool nonceRequired,
        CancellationToken cancellationToken)
    {
        var keys = new JsonWebKeySet(await http.GetStringAsync(discovery.JwksUri, cancellationToken));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.Issuer,
            ValidAudience = flow.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
        if (!result.IsValid)
        {
            return result.Exception?.Message ?? "The ID token is not valid.";
        }

        var nonce = result.Claims.TryGetValue("nonce", out var value) ? value as string : null;
        return nonce == flow.Nonce || (nonce is null && !nonceRequired)
            ? null
            : "The ID token's nonce is not the one this sign-in sent: it was issued for another request.";
    }

    /// <summary>A JWT's header and claims, indented; null for a token that is not a JWT.</summary>
    public static (string Header, string Claims)? Decode(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        return (Indented(Base64UrlEncoder.Decode(parts[0])), Indented(Base64UrlEncoder.Decode(parts[1])));
    }

    private async Task<TryTokens> TokenRequestAsync(TryDiscovery discovery, TryFlow flow, Dictionary<string, string> form,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint);
        if (flow.ClientSecret is { } secret)
        {
            // client_secret_basic: both parts form-encoded before they are joined (RFC 6749, section 2.3.1).
            var credentials = $"{Uri.EscapeDataString(flow.ClientId)}:{Uri.EscapeDataString(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form["client_id"] = flow.ClientId;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request, cancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = document.RootElement;
        string? Read(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
        return new TryTokens(Read("id_token"), Read("access_token"), Read("refresh_token"), Read("scope"),
            root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : null,
            Read("error") ?? (response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}"), Read("error_description"));
    }

    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Display);
    }
}

/// <summary>What <c>/dev/try</c> reads from this server's discovery document, as any relying application does.</summary>
public sealed record TryDiscovery(string Issuer, string AuthorizationEndpoint, string TokenEndpoint, string UserInfoEndpoint,
    string JwksUri, string? EndSessionEndpoint);

/// <summary>The token endpoint's answer: the tokens, or the OAuth error (RFC 6749, section 5.2).</summary>
public sealed record TryTokens(string? IdToken, string? AccessToken, string? RefreshToken, string? Scope, int? ExpiresIn,
    string? Error, string? ErrorDescription);
