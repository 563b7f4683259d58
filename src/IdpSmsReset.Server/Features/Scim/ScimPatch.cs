using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// RFC 7644 §3.5.2: a PATCH's operations applied to a resource's SCIM representation, which is then saved as a PUT would
/// be. <c>add</c>, <c>replace</c> and <c>remove</c> in any case (Entra ID sends <c>Replace</c>), with or without a
/// path; paths <c>attr</c>, <c>attr.sub</c>, <c>attr[type eq "x"].sub</c> and the enterprise extension's
/// <c>urn:...:User:attr</c>.
/// </summary>
internal static partial class ScimPatch
{
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>Applies the body's operations to <paramref name="user"/>; the reason when one cannot be applied.</summary>
    public static string? Apply(JsonObject user, JsonObject body)
    {
        if (ScimJson.Member(body, "Operations") is not JsonArray operations)
        {
            return "A PATCH body lists its Operations.";
        }

        foreach (var operation in operations)
        {
            if (operation is not JsonObject op
                || ScimJson.Text(ScimJson.Member(op, "op"))?.ToLowerInvariant() is not ("add" or "replace" or "remove"))
            {
                return "Each operation's op is add, replace or remove.";
            }

            var kind = ScimJson.Text(ScimJson.Member(op, "op"))!.ToLowerInvariant();
            var path = ScimJson.Text(ScimJson.Member(op, "path"));
            var value = ScimJson.Member(op, "value")?.DeepClone();
            var problem = string.IsNullOrWhiteSpace(path)
                ? ApplyWithoutPath(user, kind, value)
                : ApplyPath(user, kind, path.Trim(), value);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ApplyWithoutPath(JsonObject user, string kind, JsonNode? value)
    {
        if (kind == "remove")
        {
            return "remove needs a path (RFC 7644 §3.5.2.2: noTarget).";
        }

        if (value is not JsonObject members)
        {
            return "Without a path, the value is an object of the attributes to set.";
        }

        foreach (var (name, member) in members.ToList())
        {
            if (ApplyPath(user, kind, name, member?.DeepClone()) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? ApplyPath(JsonObject user, string kind, string path, JsonNode? value)
    {
        // The enterprise extension's attributes are named by the schema's URN, then the attribute.
        if (path.StartsWith(ScimUser.EnterpriseSchema + ":", StringComparison.OrdinalIgnoreCase))
        {
            var extension = Child(user, ScimUser.EnterpriseSchema, create: kind != "remove");
            return extension is null ? null : ApplyPath(extension, kind, path[(ScimUser.EnterpriseSchema.Length + 1)..], value);
        }

        if (path.Equals(ScimUser.EnterpriseSchema, StringComparison.OrdinalIgnoreCase))
        {
            return value is JsonObject extensionValues ? ApplyWithoutPath(Child(user, ScimUser.EnterpriseSchema, create: true)!, kind,
                extensionValues) : kind == "remove" ? Remove(user, ScimUser.EnterpriseSchema) : "The extension's value is an object.";
        }

        var filtered = FilteredPath().Match(path);
        if (filtered.Success)
        {
            return ApplyToEntry(user, kind, filtered.Groups["attribute"].Value, filtered.Groups["key"].Value,
                filtered.Groups["value"].Value, filtered.Groups["sub"].Success ? filtered.Groups["sub"].Value : null, value);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var parent = Child(user, path[..dot], create: kind != "remove");
            return parent is null ? null : ApplyPath(parent, kind, path[(dot + 1)..], value);
        }

        var existing = KeyOf(user, path) ?? path;
        switch (kind)
        {
            // Entra ID removes group members by listing them as the value: those entries go, not the attribute.
            case "remove" when user[existing] is JsonArray entries && value is JsonArray removed:
                var gone = removed.OfType<JsonObject>().Select(entry => ScimJson.Text(ScimJson.Member(entry, "value"))).ToHashSet();
                foreach (var entry in entries.OfType<JsonObject>().Where(entry => gone.Contains(ScimJson.Text(ScimJson.Member(entry,
                             "value")))).ToList())
                {
                    entries.Remove(entry);
                }

                return null;
            case "remove":
                return Remove(user, existing);
            case "add" when user[existing] is JsonArray array && value is JsonArray added:
                foreach (var item in added.ToList())
                {
                    added.Remove(item);
                    array.Add(item);
                }

                return null;
            default:
                user[existing] = value;
                return null;
        }
    }

    // emails[type eq "work"].value and the like: the entry matched, made when adding or replacing one that is not there.
    private static string? ApplyToEntry(JsonObject user, string kind, string attribute, string key, string match, string? sub,
        JsonNode? value)
    {
        var name = KeyOf(user, attribute) ?? attribute;
        if (user[name] is not JsonArray entries)
        {
            if (kind == "remove")
            {
                return null;
            }

            user[name] = entries = [];
        }

        var entry = entries.OfType<JsonObject>().FirstOrDefault(candidate =>
            string.Equals(ScimJson.Text(ScimJson.Member(candidate, key)), match, StringComparison.OrdinalIgnoreCase));
        if (kind == "remove")
        {
            if (entry is not null && sub is null)
            {
                entries.Remove(entry);
            }
            else if (entry is not null)
            {
                Remove(entry, KeyOf(entry, sub!) ?? sub!);
            }

            return null;
        }

        if (entry is null)
        {
            entry = new JsonObject { [key] = match };
            entries.Add(entry);
        }

        if (sub is null)
        {
            if (value is not JsonObject fields)
            {
                return $"The value for {attribute}[{key} eq \"{match}\"] is an object.";
            }

            foreach (var (field, fieldValue) in fields.ToList())
            {
                entry[KeyOf(entry, field) ?? field] = fieldValue?.DeepClone();
            }

            return null;
        }

        entry[KeyOf(entry, sub) ?? sub] = value;
        return null;
    }

    private static JsonObject? Child(JsonObject parent, string name, bool create)
    {
        var key = KeyOf(parent, name);
        if (key is not null && parent[key] is JsonObject child)
        {
            return child;
        }

        if (!create)
        {
            return null;
        }

        var made = new JsonObject();
        parent[key ?? name] = made;
        return made;
    }

    private static string? Remove(JsonObject parent, string name)
    {
        parent.Remove(KeyOf(parent, name) ?? name);
        return null;
    }

    private static string? KeyOf(JsonObject node, string name) =>
        node.Select(pair => pair.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("""^(?<attribute>[A-Za-z]+)\[\s*(?<key>[A-Za-z]+)\s+eq\s+"(?<value>[^"]*)"\s*\](\.(?<sub>[A-Za-z]+))?$""",
        RegexOptions.IgnoreCase)]
    private static partial Regex FilteredPath();
}
