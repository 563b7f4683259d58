using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <param name="expand">Applied to the file's text before it is read (the host's placeholders).</param>
    /// <param name="hostChecks">The host's own problems with a document (its themes), reported with the validator's.</param>
    public static BootstrapDocument ReadFile(string path, Func<string, string>? expand = null,
        Func<BootstrapDocument, IEnumerable<string>>? hostChecks = null)
    {
        if (!File.Exists(path))
        {
            throw new BootstrapException($"Bootstrap file '{path}' (Idp:Bootstrap:Path) does not exist.");
        }

        var text = File.ReadAllText(path);
        return Parse(expand is null ? text : expand(text), path, hostChecks);
    }

    public static BootstrapDocument Parse(string json, string source, Func<BootstrapDocument, IEnumerable<string>>? hostChecks = null)
    {
        BootstrapDocument? document;
        var problems = new List<string>();
        try
        {
            document = JsonSerializer.Deserialize<BootstrapDocument>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            // Well-formed JSON that does not all fit: every such mistake is listed, and the rest is still checked.
            document = Pruned(json, problems) ?? throw new BootstrapException(
                $"Bootstrap file '{source}' is malformed at {exception.Path ?? "$"} (line {exception.LineNumber + 1}):" +
                    $" {FirstSentence(exception.Message)}",
                exception);
        }

        if (document is null)
        {
            throw new BootstrapException($"Bootstrap file '{source}' is empty; it must be a JSON object.");
        }

        // A value taken out for being of the wrong kind is not reported again as missing.
        var misfits = problems.Select(problem => problem.Split(": ")[0]).ToHashSet();
        problems.AddRange(BootstrapValidator.Validate(document).Concat(hostChecks?.Invoke(document) ?? [])
            .Where(problem => !misfits.Contains(problem.Split(": ")[0])));
        if (problems.Count > 0)
        {
            // One problem is one line; several are listed, one a line, so that all can be fixed before the next start.
            throw new BootstrapException($"Bootstrap file '{source}' is invalid:" + (problems.Count == 1 ? $" {problems[0]}"
                : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems)));
        }

        return document;
    }

    /// <summary>The document without the fields that do not fit it, their problems added; null when the JSON is malformed.</summary>
    private static BootstrapDocument? Pruned(string json, List<string> problems)
    {
        try
        {
            if (JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                is not JsonObject root)
            {
                return null;
            }

            problems.AddRange(BootstrapShape.Prune(root, JsonOptions));
            return problems.Count > 0 ? root.Deserialize<BootstrapDocument>(JsonOptions) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
