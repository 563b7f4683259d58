using System.Text.Json.Nodes;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// RFC 7644 §3.4.2.5 (and §3.9): <c>attributes</c> returns only the attributes named (with <c>id</c>, <c>schemas</c> and
/// <c>meta</c>, always returned), <c>excludedAttributes</c> all but those named. A sub-attribute (<c>name.givenName</c>) or
/// an extension's (<c>urn:...:User:department</c>) keeps or drops just that part.
/// </summary>
internal static class ScimProjection
{
    private static readonly string[] AlwaysReturned = ["id", "schemas", "meta"];

    public static JsonObject Apply(JsonObject resource, string? attributes, string? excludedAttributes)
    {
        if (!string.IsNullOrWhiteSpace(attributes))
        {
            var kept = new JsonObject();
            foreach (var path in Paths(attributes).Concat(AlwaysReturned))
            {
                Copy(resource, kept, path);
            }

            return kept;
        }

        foreach (var path in Paths(excludedAttributes).Where(path => !AlwaysReturned.Contains(path, StringComparer.OrdinalIgnoreCase)))
        {
            Remove(resource, path);
        }

        return resource;
    }

    private static IEnumerable<string> Paths(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (JsonObject? Parent, string Name, string? Sub) Locate(JsonObject resource, string path)
    {
        // An extension's attribute: the URN is the container's name.
        var urn = resource.Select(pair => pair.Key).FirstOrDefault(key => key.StartsWith("urn:", StringComparison.Ordinal)
            && path.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));
        if (urn is not null)
        {
            return (resource, urn, path[(urn.Length + 1)..]);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
            ? (resource, path[..dot], path[(dot + 1)..])
            : (resource, path, null);
    }

    private static void Copy(JsonObject from, JsonObject to, string path)
    {
        var (_, name, sub) = Locate(from, path);
        var key = KeyOf(from, name);
        if (key is null)
        {
            return;
        }

        if (sub is null || from[key] is not JsonObject container)
        {
            to[key] = from[key]?.DeepClone();
            return;
        }

        var target = to[key] as JsonObject ?? new JsonObject();
        to[key] = target;
        if (KeyOf(container, sub) is { } subKey)
        {
            target[subKey] = container[subKey]?.DeepClone();
        }
    }

    private static void Remove(JsonObject resource, string path)
    {
        var (_, name, sub) = Locate(resource, path);
        if (KeyOf(resource, name) is not { } key)
        {
            return;
        }

        if (sub is null)
        {
            resource.Remove(key);
        }
        else if (resource[key] is JsonObject container && KeyOf(container, sub) is { } subKey)
        {
            container.Remove(subKey);
        }
    }

    private static string? KeyOf(JsonObject node, string name) =>
        node.Select(pair => pair.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));
}
