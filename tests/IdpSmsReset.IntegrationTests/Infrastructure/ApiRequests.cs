using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The management API's requests as a script sends them: a change naming the version it read.</summary>
public static class ApiRequests
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string uri, EntityTagHeaderValue ifMatch,
        object? body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch);
        return http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
