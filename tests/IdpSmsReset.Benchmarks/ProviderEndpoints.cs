namespace IdpSmsReset.Benchmarks;

/// <summary>
/// Where a server under test keeps its endpoints and which clients the scenarios use on it: this server's, or the
/// peer's (as <c>peer/server.mjs</c> declares them). The scenarios are written once against this.
/// </summary>
public sealed record ProviderEndpoints(
    string Name, string Token, string Authorize, string UserInfo, string Introspection, string? WebClientSecret,
    string IntrospectingClientId, string? ServiceScope, string AuthorizeExtras)
{
    /// <summary>A token request from the code-flow client: with its secret where it has one (this server's).</summary>
    public IEnumerable<KeyValuePair<string, string>> FromWebClient(IEnumerable<KeyValuePair<string, string>> form)
    {
        var withClient = form.Append(new("client_id", BenchmarkBootstrap.WebClientId));
        return WebClientSecret is { } secret ? withClient.Append(new("client_secret", secret)) : withClient;
    }

    public static readonly ProviderEndpoints Ours = new(
        "IdpSmsReset", "/connect/token", "/connect/authorize", "/connect/userinfo", "/connect/introspect",
        WebClientSecret: BenchmarkBootstrap.ClientSecret, IntrospectingClientId: BenchmarkBootstrap.WebClientId, ServiceScope: null,
        AuthorizeExtras: "");

    /// <summary>
    /// The peer's code-flow client is public (PKCE, no secret), so a resource server (the service client) introspects;
    /// it keeps <c>offline_access</c> only when consent is asked for, which its sign-in page grants in the same post.
    /// </summary>
    public static readonly ProviderEndpoints NodeOidcProvider = new(
        "node-oidc-provider", "/token", "/auth", "/me", "/token/introspection",
        WebClientSecret: null, IntrospectingClientId: BenchmarkBootstrap.ServiceClientId, ServiceScope: "api",
        AuthorizeExtras: "&prompt=consent");
}
