using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Requests to the registration endpoint (RFC 7591) and a registered application's configuration (RFC 7592).</summary>
public static class RegistrationRequests
{
    public const string RegisterPath = "/connect/register";

    /// <summary>What a public application sends to register itself for the code flow with PKCE.</summary>
    public static Dictionary<string, object?> PublicApplication(string name = "Agent", params string[] redirectUris) => new()
    {
        ["client_name"] = name,
        ["redirect_uris"] = redirectUris.Length > 0 ? redirectUris : [TestBootstrap.RedirectUri],
        ["token_endpoint_auth_method"] = "none",
        ["grant_types"] = new[] { "authorization_code", "refresh_token" },
        ["response_types"] = new[] { "code" },
        ["scope"] = "openid profile email offline_access",
    };

    public static Task<Answer> RegisterAsync(HttpClient http, object metadata, string? bearer = null) =>
        SendAsync(http, HttpMethod.Post, RegisterPath, metadata, bearer);

    public static Task<Answer> SendAsync(HttpClient http, HttpMethod method, string path, object? metadata, string? bearer)
    {
        var request = new HttpRequestMessage(method, path) { Content = metadata is null ? null : JsonContent.Create(metadata) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return AnswerOfAsync(http.SendAsync(request));
    }

    private static async Task<Answer> AnswerOfAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return new Answer(response.StatusCode, json ? JsonDocument.Parse(text).RootElement.Clone() : default, text,
            response.Headers.WwwAuthenticate.ToString(), response.Headers.CacheControl?.NoStore == true);
    }

    /// <summary>The status, the body (default when empty) and the headers a client reads.</summary>
    public sealed record Answer(HttpStatusCode Status, JsonElement Body, string Text, string WwwAuthenticate, bool NoStore)
    {
        public string? this[string name] =>
            Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        /// <summary>The path of the registration's own configuration, from its registration_client_uri.</summary>
        public string ConfigurationPath => this["registration_client_uri"] is { } uri ? new Uri(uri).AbsolutePath : "";
    }
}
