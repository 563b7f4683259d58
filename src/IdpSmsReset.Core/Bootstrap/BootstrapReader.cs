using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>Reads a bootstrap file and refuses it, with the entry and field named, unless every entry is valid.</summary>
public static class BootstrapReader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt field would otherwise be dropped silently and its default applied.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static BootstrapDocument ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new BootstrapException($"Bootstrap file '{path}' (Idp:Bootstrap:Path) does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static BootstrapDocument Parse(string json, string source)
    {
        BootstrapDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<BootstrapDocument>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new BootstrapException(
                $"Bootstrap file '{source}' is malformed at {exception.Path ?? "$"} (line {exception.LineNumber + 1}):" +
                    $" {FirstSentence(exception.Message)}",
                exception);
        }

        if (document is null)
        {
            throw new BootstrapException($"Bootstrap file '{source}' is empty; it must be a JSON object.");
        }

        var errors = BootstrapValidator.Validate(document);
        if (errors.Count > 0)
        {
            throw new BootstrapException($"Bootstrap file '{source}' is invalid:{Environment.NewLine}" +
                $"  " + string.Join(Environment.NewLine + "  ", errors));
        }

        return document;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
