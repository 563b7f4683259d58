using System.Net.Http.Headers;
using System.Text.Json;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>The token endpoint and the endpoints a relying application calls with its tokens.</summary>
public static class TokenScenarios
{
    public static Task<Measurement> ClientCredentialsAsync(BenchmarkContext context)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "client_credentials"),
            new("client_id", BenchmarkBootstrap.ServiceClientId), new("client_secret", BenchmarkBootstrap.ClientSecret),
        ];
        if (context.Endpoints.ServiceScope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        return Load.ClosedLoopAsync("client_credentials token", context.Server, context.Options.Concurrency, context.Duration,
            [context.Http],
            async http =>
            {
                var token = await WebSession.TokenAsync(http, context.Server.Url, form, context.Endpoints.Token);
                _ = token.GetProperty("access_token");
            });
    }

    public static Task<Measurement> AuthorizationCodeFlowAsync(BenchmarkContext context)
    {
        var users = Enumerable.Range(0, context.Options.Concurrency).Select(BenchmarkBootstrap.SignInUser).ToList();
        return Load.ClosedLoopAsync("authorization code + PKCE, with login", context.Server, context.Options.Concurrency, context.Duration,
            users,
            async user => await new WebSession(context.Http, context.Server.Url).SignInWithCodeAsync(
                context.Endpoints, user, BenchmarkBootstrap.Password, "openid profile"));
    }

    public static async Task<Measurement> RefreshAsync(BenchmarkContext context)
    {
        var chains = await SignedInAsync(context, "openid profile offline_access");
        return await Load.ClosedLoopAsync("refresh token rotation", context.Server, context.Options.Concurrency, context.Duration, chains,
            async chain =>
            {
                var token = await WebSession.TokenAsync(context.Http, context.Server.Url,
                    context.Endpoints.FromWebClient([new("grant_type", "refresh_token"), new("refresh_token", chain.RefreshToken!)]),
                    context.Endpoints.Token);
                chain.RefreshToken = token.GetProperty("refresh_token").GetString();
            });
    }

    public static async Task<Measurement> UserInfoAsync(BenchmarkContext context)
    {
        var sessions = await SignedInAsync(context, "openid profile email");
        return await Load.ClosedLoopAsync("userinfo", context.Server, context.Options.Concurrency, context.Duration, sessions,
            async session =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, context.Server.Url + context.Endpoints.UserInfo);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
                using var response = await context.Http.SendAsync(request);
                WebSession.Expect(response, System.Net.HttpStatusCode.OK, "userinfo");
            });
    }

    public static async Task<Measurement> IntrospectionAsync(BenchmarkContext context)
    {
        var sessions = await SignedInAsync(context, "openid profile");
        return await Load.ClosedLoopAsync("introspection", context.Server, context.Options.Concurrency, context.Duration, sessions,
            async session =>
            {
                using var response = await context.Http.PostAsync(context.Server.Url + context.Endpoints.Introspection,
                    new FormUrlEncodedContent(
                    [
                        new("token", session.AccessToken), new("client_id", context.Endpoints.IntrospectingClientId),
                        new("client_secret", BenchmarkBootstrap.ClientSecret),
                    ]));
                var body = await response.Content.ReadAsStringAsync();
                if (!JsonDocument.Parse(body).RootElement.GetProperty("active").GetBoolean())
                {
                    throw new InvalidOperationException("introspection: the token is not active.");
                }
            });
    }

    private static async Task<IReadOnlyList<CurrentSession>> SignedInAsync(BenchmarkContext context, string scope)
    {
        var sessions = new List<CurrentSession>();
        for (var index = 0; index < context.Options.Concurrency; index++)
        {
            var tokens = await new WebSession(context.Http, context.Server.Url).SignInWithCodeAsync(
                context.Endpoints, BenchmarkBootstrap.SignInUser(index), BenchmarkBootstrap.Password, scope);
            sessions.Add(new CurrentSession(tokens.GetProperty("access_token").GetString()!)
            {
                RefreshToken = tokens.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            });
        }

        return sessions;
    }

    private sealed class CurrentSession(string accessToken)
    {
        public string AccessToken { get; } = accessToken;

        public string? RefreshToken { get; set; }
    }
}
