using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Cors;

/// <summary>
/// What a browser lets a single-page application read: the token endpoint's answers only from the origin of a
/// registered redirect URI, the public documents from anywhere, and never with the user's cookies.
/// </summary>
public abstract class BrowserApplicationCorsTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Preflight_FromARegisteredOrigin_Allowed_FromAnotherOrigin_NotAllowed()
    {
        using var http = OidcClients.Backchannel(factory);

        using var registered = await http.SendAsync(Preflight("/connect/token", TestBootstrap.RelyingPartyOrigin));
        using var stranger = await http.SendAsync(Preflight("/connect/token", "https://evil.example"));

        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        Assert.Equal(TestBootstrap.RelyingPartyOrigin, Header(registered, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(registered, "Access-Control-Allow-Methods"));
        Assert.Null(Header(registered, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(stranger, "Access-Control-Allow-Origin"));
    }

    [SkippableFact]
    public async Task TokenRequest_FromARegisteredOrigin_TheAnswerIsReadable_DiscoveryFromAnywhere()
    {
        using var http = OidcClients.Backchannel(factory);
        var token = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("client_id", TestBootstrap.SpaClientId),
                new("refresh_token", "not-a-token")]),
        };
        token.Headers.Add("Origin", TestBootstrap.RelyingPartyOrigin);
        var discovery = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        discovery.Headers.Add("Origin", "https://any.example");

        using var tokenAnswer = await http.SendAsync(token);
        using var discoveryAnswer = await http.SendAsync(discovery);

        Assert.Equal(HttpStatusCode.BadRequest, tokenAnswer.StatusCode);
        Assert.Equal(TestBootstrap.RelyingPartyOrigin, Header(tokenAnswer, "Access-Control-Allow-Origin"));
        Assert.Equal("https://any.example", Header(discoveryAnswer, "Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

public sealed class BrowserApplicationCorsTestsOnSqlite(SqliteIdpFactory factory) : BrowserApplicationCorsTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class BrowserApplicationCorsTestsOnPostgreSql(PostgreSqlIdpFactory factory) : BrowserApplicationCorsTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
