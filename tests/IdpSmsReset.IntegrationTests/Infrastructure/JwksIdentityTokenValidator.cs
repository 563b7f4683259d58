using System.Security.Claims;
using System.Text.Json;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Validates ID tokens against the keys the server publishes at its jwks_uri, as a relying application does
/// (the OIDC client library validates no signature by default).
/// </summary>
public sealed class JwksIdentityTokenValidator : IIdentityTokenValidator
{
    public async Task<IdentityTokenValidationResult> ValidateAsync(string identityToken, OidcClientOptions options,
        CancellationToken cancellationToken = default)
    {
        var provider = options.ProviderInformation;
        // The keys the client library loaded from the discovery document's jwks_uri.
        var keys = new JsonWebKeySet(JsonSerializer.Serialize(provider.KeySet));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(identityToken, new TokenValidationParameters
        {
            ValidIssuer = provider.IssuerName,
            ValidAudience = options.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });

        if (!result.IsValid)
        {
            return new IdentityTokenValidationResult { Error = "invalid_id_token: " + result.Exception?.Message };
        }

        return new IdentityTokenValidationResult
        {
            User = new ClaimsPrincipal(result.ClaimsIdentity),
            SignatureAlgorithm = ((JsonWebToken)result.SecurityToken).Alg,
        };
    }
}
