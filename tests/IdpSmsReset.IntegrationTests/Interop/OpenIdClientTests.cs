using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>openid-client 6 (the most used Node client), unmodified, against the real server.</summary>
public sealed class OpenIdClientTests(InteropServer server) : IClassFixture<InteropServer>
{
    private const string Package = "openid-client";

    [SkippableFact]
    public async Task PrivateKeyJwt_TheLibrarysOwnAssertion_TokenIntrospectedThenRevoked()
    {
        var output = await NodeScript.RunAsync(Package, "client-credentials.mjs", new Dictionary<string, string>
        {
            ["IDP_ISSUER"] = server.Issuer, ["CLIENT_ID"] = InteropServer.SignedServiceId, ["CLIENT_PRIVATE_JWK"] = server.PrivateJwk,
        });
        var result = JsonDocument.Parse(output).RootElement;

        Assert.Equal("bearer", result.GetProperty("tokenType").GetString()!.ToLowerInvariant());
        Assert.True(result.GetProperty("activeBefore").GetBoolean());
        Assert.Equal(InteropServer.SignedServiceId, result.GetProperty("clientIdBefore").GetString());
        Assert.False(result.GetProperty("activeAfter").GetBoolean());
    }
}
