using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>
/// Finds every field a bootstrap file has that its entries do not, and every value of the wrong kind, each named by its
/// path in the file's own field names; and takes them out, so that the rest can still be read and checked. The
/// serializer alone stops at the first, which made an operator fix a file one mistake at a time.
/// </summary>
internal static class BootstrapShape
{
    /// <summary>The fields that name an entry in the validator's messages, in the order it prefers them.</summary>
    private static readonly string[] EntryNames = ["clientId", "userName", "name"];

    public static List<string> Prune(JsonObject root, JsonSerializerOptions options)
    {
        var problems = new List<string>();
        Keep(root, options.GetTypeInfo(typeof(BootstrapDocument)), "", problems, options);
        return problems;
    }

    /// <summary>Whether the node can stay: false when it is of the wrong kind altogether.</summary>
    private static bool Keep(JsonNode? node, JsonTypeInfo type, string path, List<string> problems, JsonSerializerOptions options)
    {
        if (node is null)
        {
            return true;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject entry:
                foreach (var (name, value) in entry.ToList())
                {
                    var field = type.Properties.FirstOrDefault(property => property.Name == name);
                    if (field is null)
                    {
                        problems.Add($"{Label(path)}'{name}' is not a field {(path.Length == 0 ? "of a bootstrap file" : "here")}; "
                            + Suggestion(name, type));
                        entry.Remove(name);
                    }
                    else if (field.CustomConverter is null
                             && !Keep(value, options.GetTypeInfo(field.PropertyType), Join(path, name), problems, options))
                    {
                        entry.Remove(name);
                    }
                }

                return true;
            case JsonTypeInfoKind.Enumerable when node is JsonArray list:
                var elementType = options.GetTypeInfo(type.ElementType!);
                var misfits = Enumerable.Range(0, list.Count)
                    .Where(index => !Keep(list[index], elementType, $"{path}[{index}]{NameOf(list[index])}", problems, options)).ToList();
                foreach (var index in Enumerable.Reverse(misfits))
                {
                    list.RemoveAt(index);
                }

                return true;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                var valueType = options.GetTypeInfo(type.ElementType!);
                foreach (var (key, value) in map.ToList())
                {
                    if (!Keep(value, valueType, Join(path, key), problems, options))
                    {
                        map.Remove(key);
                    }
                }

                return true;
            case JsonTypeInfoKind.None:
                try
                {
                    _ = node.Deserialize(type);
                    return true;
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
                {
                    problems.Add($"{Label(path)}must be {Expected(type.Type)}.");
                    return false;
                }
            default:
                problems.Add($"{Label(path)}must be {Expected(type.Type)}.");
                return false;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Label(string path) => path.Length == 0 ? "" : path + ": ";

    private static string NameOf(JsonNode? entry) =>
        entry is JsonObject fields && EntryNames.Select(name => fields[name]).FirstOrDefault(value => value is JsonValue) is JsonValue named
            && named.TryGetValue<string>(out var text) && text.Length > 0 ? $" ('{text}')" : "";

    private static string Suggestion(string name, JsonTypeInfo type)
    {
        var names = type.Properties.Select(property => property.Name).ToList();
        var near = names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            ?? names.FirstOrDefault(known => Distance(known.ToLowerInvariant(), name.ToLowerInvariant()) <= 2);
        return near is not null ? $"did you mean '{near}'?" : $"the fields are {string.Join(", ", names)}.";
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text in quotes",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number",
            _ when type == typeof(TimeSpan) => "a duration in quotes, such as \"00:15:00\"",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
                "a date and time in quotes, such as \"2027-01-31T00:00:00Z\"",
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "a list in [ ]",
            _ => "an object in { }",
        };
    }

    /// <summary>Levenshtein distance: near enough names are offered as the field meant.</summary>
    private static int Distance(string first, string second)
    {
        var previous = Enumerable.Range(0, second.Length + 1).ToArray();
        for (var i = 1; i <= first.Length; i++)
        {
            var current = new int[second.Length + 1];
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[second.Length];
    }
}
