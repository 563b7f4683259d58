using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// The public keys an application signs its client assertions with (<c>private_key_jwt</c>, RFC 7523): what a key set
/// must be to be registered, and the text the dashboard shows again.
/// </summary>
public static class ClientKeys
{
    private static readonly HashSet<string> PrivateParameters = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

    /// <summary>Why <paramref name="json"/> cannot be registered; null when it can.</summary>
    public static string? ProblemOf(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return $"is not valid JSON ({exception.Message.Split('.')[0]}).";
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array || keys.GetArrayLength() == 0)
            {
                return "must be a JSON Web Key Set: an object whose \"keys\" lists at least one key.";
            }

            var index = 0;
            foreach (var key in keys.EnumerateArray())
            {
                if (KeyProblem(key) is { } problem)
                {
                    return $"keys[{index}] {problem}";
                }

                index++;
            }
        }

        return null;
    }

    public static JsonWebKeySet Parse(string json) => new(json);

    /// <summary>The public members of <paramref name="keys"/> as JSON, for the dashboard to show and save again.</summary>
    public static string TextOf(JsonWebKeySet keys) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["keys"] = keys.Keys.Select(key => new Dictionary<string, string?>
        {
            ["kty"] = key.Kty, ["kid"] = key.Kid, ["use"] = key.Use, ["alg"] = key.Alg,
            ["n"] = key.N, ["e"] = key.E, ["crv"] = key.Crv, ["x"] = key.X, ["y"] = key.Y,
        }.Where(member => !string.IsNullOrEmpty(member.Value)).ToDictionary()).ToList(),
    });

    private static string? KeyProblem(JsonElement key)
    {
        if (key.ValueKind != JsonValueKind.Object)
        {
            return "must be a JSON object.";
        }

        // A private part here would mean the application's secret key was pasted where everyone with the dashboard sees it.
        var privatePart = key.EnumerateObject().Select(member => member.Name).FirstOrDefault(PrivateParameters.Contains);
        if (privatePart is not null)
        {
            return $"holds a private key part ('{privatePart}'): register the public key only.";
        }

        var type = key.TryGetProperty("kty", out var kty) ? kty.GetString() : null;
        return type switch
        {
            "RSA" when Has(key, "n") && Has(key, "e") => null,
            "EC" when Has(key, "crv") && Has(key, "x") && Has(key, "y") => null,
            "RSA" => "must have 'n' and 'e'.",
            "EC" => "must have 'crv', 'x' and 'y'.",
            _ => "must be an RSA or EC key ('kty').",
        };
    }

    private static bool Has(JsonElement key, string name) =>
        key.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
}
