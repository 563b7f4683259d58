using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// A service that authenticates with a key pair instead of a secret (<c>private_key_jwt</c>, RFC 7523): it registers
/// its public key and signs a short-lived assertion for each request.
/// </summary>
public abstract class PrivateKeyJwtTests(IdpFactory factory)
{
    private const string ClientId = "signed-service";
    private static readonly RSA Key = RSA.Create(2048);

    [SkippableFact]
    public async Task SignedAssertion_TokenIssued_SameAssertionAgainRefused()
    {
        await EnsureApplicationAsync();
        using var service = OidcClients.Backchannel(factory);
        var discovery = JsonDocument.Parse(await service.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var assertion = Assertion(IdpFactory.Origin + "/");

        var first = await RequestTokenAsync(service, assertion);
        var replayed = await RequestTokenAsync(service, assertion);
        var fresh = await RequestTokenAsync(service, Assertion(IdpFactory.Origin + "/"));

        Assert.Contains("private_key_jwt", discovery.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray()
            .Select(method => method.GetString()));
        Assert.False(first.IsError, first.Error);
        Assert.Equal("invalid_client", ErrorOf(replayed));
        Assert.False(fresh.IsError, fresh.Error);
    }

    [SkippableFact]
    public async Task AssertionTypedAsClientsSendIt_Accepted_AnotherExplicitType_Refused()
    {
        await EnsureApplicationAsync();
        using var service = OidcClients.Backchannel(factory);
        var audience = IdpFactory.Origin + "/";

        var withoutTyp = await RequestTokenAsync(service, UntypedAssertion(audience));
        var generic = await RequestTokenAsync(service, Assertion(audience, typ: "JWT"));
        var explicitType = await RequestTokenAsync(service, Assertion(audience, typ: "client-authentication+jwt"));
        var others = new List<(string Typ, string? Error)>();
        foreach (var typ in new[] { "at+jwt", "logout+jwt", "oauth-authz-req+jwt", "dpop+jwt" })
        {
            others.Add((typ, ErrorOf(await RequestTokenAsync(service, Assertion(audience, typ: typ)))));
        }

        var untypedReplayed = UntypedAssertion(audience);
        await RequestTokenAsync(service, untypedReplayed);
        var replayed = await RequestTokenAsync(service, untypedReplayed);

        Assert.False(withoutTyp.IsError, withoutTyp.Raw);
        Assert.False(generic.IsError, generic.Raw);
        Assert.False(explicitType.IsError, explicitType.Raw);
        Assert.All(others, other => Assert.Equal("invalid_client", other.Error));
        Assert.Equal("invalid_client", ErrorOf(replayed));
    }

    [SkippableFact]
    public async Task UntypedAssertionForTheTokenEndpointOrAnotherClient_Refused()
    {
        await EnsureApplicationAsync();
        using var service = OidcClients.Backchannel(factory);

        var tokenEndpoint = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/connect/token"));
        var otherSubject = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/", subject: "someone-else"));

        Assert.Equal("invalid_client", ErrorOf(tokenEndpoint));
        Assert.Equal("invalid_client", ErrorOf(otherSubject));
    }

    [SkippableFact]
    public async Task TokenEndpointAudience_AcceptedOnlyWhereTheSettingSaysSo_NeverAnotherEndpoint()
    {
        using var lenient = NewFactory();
        lenient.Settings["Idp:ClientAssertions:AcceptTokenEndpointAudience"] = "true";
        await TestApplications.EnsureAsync(lenient, SignedService);
        using var service = OidcClients.Backchannel(lenient);

        var tokenEndpoint = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/connect/token"));
        var issuer = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/"));
        var parEndpoint = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/connect/par"));
        var longer = await RequestTokenAsync(service, UntypedAssertion(IdpFactory.Origin + "/connect/token/x"));

        Assert.False(tokenEndpoint.IsError, tokenEndpoint.Raw);
        Assert.False(issuer.IsError, issuer.Raw);
        Assert.Equal("invalid_client", ErrorOf(parEndpoint));
        Assert.Equal("invalid_client", ErrorOf(longer));
    }

    [SkippableFact]
    public async Task AssertionForAnotherAudience_Refused()
    {
        await EnsureApplicationAsync();
        using var service = OidcClients.Backchannel(factory);

        var refused = await RequestTokenAsync(service, Assertion("https://other-idp.example/connect/token"));

        Assert.Equal("invalid_client", ErrorOf(refused));
    }

    [SkippableFact]
    public async Task AssertionSignedWithAnotherKey_Refused()
    {
        await EnsureApplicationAsync();
        using var service = OidcClients.Backchannel(factory);
        using var stranger = RSA.Create(2048);

        var refused = await RequestTokenAsync(service, Assertion(IdpFactory.Origin + "/", stranger));

        Assert.Equal("invalid_client", ErrorOf(refused));
    }

    protected abstract IdpFactory NewFactory();

    private Task EnsureApplicationAsync() => TestApplications.EnsureAsync(factory, SignedService);

    private static ApplicationDefinition SignedService => new()
    {
        ClientId = ClientId, DisplayName = "Signed service", Type = ApplicationVocabulary.Confidential,
        GrantTypes = [ApplicationVocabulary.ClientCredentials], Scopes = ["profile"], JsonWebKeySet = PublicKeySet(Key),
    };

    /// <summary>The JWKS a service registers: its public key only.</summary>
    public static string PublicKeySet(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = "service-key-1", n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    public static string Assertion(string audience, RSA? key = null, string clientId = ClientId,
        string typ = "client-authentication+jwt") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            TokenType = typ,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", Guid.NewGuid().ToString())]),
            Expires = DateTime.UtcNow.AddMinutes(2),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? Key) { KeyId = "service-key-1" },
                SecurityAlgorithms.RsaSha256),
        });

    /// <summary>An assertion with no <c>typ</c> header at all, as openid-client signs one (the handler always writes one).</summary>
    private static string UntypedAssertion(string audience, string subject = ClientId)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signed = Part(new { alg = "RS256", kid = "service-key-1" }) + "." + Part(new
        {
            iss = ClientId, sub = subject, aud = audience, jti = Guid.NewGuid().ToString(), iat = now, exp = now + 120,
        });
        var signature = Key.SignData(System.Text.Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>The RFC's error code, whatever the status (the client library reads only a 400's body).</summary>
    private static string? ErrorOf(TokenResponse response) =>
        JsonDocument.Parse(response.Raw!).RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;

    private static Task<TokenResponse> RequestTokenAsync(HttpClient service, string assertion) =>
        service.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = ClientId, Scope = "profile",
            ClientAssertion = new ClientAssertion { Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", Value = assertion },
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });
}

public sealed class PrivateKeyJwtTestsOnSqlite(SqliteIdpFactory factory) : PrivateKeyJwtTests(factory),
    IClassFixture<SqliteIdpFactory>
{
    protected override IdpFactory NewFactory() => new SqliteIdpFactory();
}

public sealed class PrivateKeyJwtTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PrivateKeyJwtTests(factory),
    IClassFixture<PostgreSqlIdpFactory>
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
