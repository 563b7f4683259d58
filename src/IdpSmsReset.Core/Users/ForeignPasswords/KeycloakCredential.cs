using System.Globalization;
using System.Text.Json;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// A password credential as Keycloak stores and exports it, read into the PHC string of the same hash: one JSON object
/// with <c>algorithm</c>, <c>hashIterations</c>, <c>salt</c> and <c>value</c> (Base64), as the import takes it, or the
/// realm export's two strings, <c>credentialData</c> and <c>secretData</c>, merged into that object first
/// (<see cref="Merge"/>). Keycloak's algorithms: <c>pbkdf2</c> (SHA-1), <c>pbkdf2-sha256</c>, <c>pbkdf2-sha512</c> and,
/// since Keycloak 24, <c>argon2</c> (its <c>additionalParameters</c> name the memory and parallelism).
/// </summary>
public static class KeycloakCredential
{
    public static bool IsOne(string text) => text.TrimStart().StartsWith('{');

    /// <summary>The realm export's <c>credentialData</c> and <c>secretData</c> (each a JSON string) as one object.</summary>
    public static string Merge(string credentialData, string secretData)
    {
        using var settings = JsonDocument.Parse(credentialData);
        using var secret = JsonDocument.Parse(secretData);
        var merged = new Dictionary<string, JsonElement>();
        foreach (var property in settings.RootElement.EnumerateObject().Concat(secret.RootElement.EnumerateObject()))
        {
            if (property.Name != "additionalParameters" || !merged.ContainsKey(property.Name)
                || property.Value.EnumerateObject().Any())
            {
                merged[property.Name] = property.Value.Clone();
            }
        }

        return JsonSerializer.Serialize(merged);
    }

    /// <summary>The PHC string of the same hash; a <see cref="FormatException"/> names what is missing or unknown.</summary>
    public static string ToPhc(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var algorithm = Text(root, "algorithm");
        var iterations = root.TryGetProperty("hashIterations", out var count) ? count.GetInt32()
            : throw new FormatException("The Keycloak credential has no hashIterations.");
        var salt = Unpadded(Text(root, "salt"));
        var value = Unpadded(Text(root, "value"));
        return algorithm switch
        {
            "pbkdf2" => $"$pbkdf2-sha1$i={iterations}${salt}${value}",
            "pbkdf2-sha256" or "pbkdf2-sha512" => $"${algorithm}$i={iterations}${salt}${value}",
            "argon2" => Argon2(root, iterations, salt, value),
            _ => throw new FormatException(
                $"Keycloak's algorithm '{algorithm}' is not supported: pbkdf2, pbkdf2-sha256, pbkdf2-sha512 or argon2."),
        };
    }

    private static string Argon2(JsonElement root, int iterations, string salt, string value)
    {
        // Keycloak keeps each additional parameter as a list of strings: {"memory":["7168"],"type":["id"],...}.
        string Parameter(string name, string fallback) =>
            root.TryGetProperty("additionalParameters", out var extra) && extra.TryGetProperty(name, out var values)
                && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
                ? values[0].GetString() ?? fallback : fallback;

        var type = Parameter("type", "id");
        if (type != "id")
        {
            throw new FormatException($"Keycloak's argon2 of type '{type}' is not supported: only type id (Argon2id).");
        }

        var memory = int.Parse(Parameter("memory", "7168"), CultureInfo.InvariantCulture);
        var parallelism = int.Parse(Parameter("parallelism", "1"), CultureInfo.InvariantCulture);
        return $"$argon2id$v=19$m={memory},t={iterations},p={parallelism}${salt}${value}";
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var property) && property.GetString() is { Length: > 0 } text ? text
            : throw new FormatException($"The Keycloak credential has no {name}.");

    private static string Unpadded(string base64) => Convert.ToBase64String(Convert.FromBase64String(base64)).TrimEnd('=');
}
