using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>SCIM's media type, and the reading of request bodies (never a 500 on any input).</summary>
internal static class ScimJson
{
    public const string ContentType = "application/scim+json";

    /// <summary>The body as a JSON object, or null when it is not one (the caller answers invalidSyntax).</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult Resource(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(), ContentType, System.Text.Encoding.UTF8, status);

    /// <summary>A member by name, as SCIM compares attribute names: case-insensitively.</summary>
    public static JsonNode? Member(JsonObject node, string name) =>
        node.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A time as SCIM's dateTime (xsd:dateTime, UTC), or null.</summary>
    public static string? DateTime(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
