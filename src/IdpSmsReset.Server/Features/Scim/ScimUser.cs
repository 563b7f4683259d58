using System.Text.Json.Nodes;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// A user in SCIM's words (RFC 7643 §4.1, with the enterprise extension §4.3) and back. What the core user has no field
/// for (externalId, the name's parts, the enterprise attributes) is kept as the user's custom attributes, named below,
/// so the dashboard shows it; <c>phoneNumbers[type eq "mobile"]</c> is the phone the SMS factor reads.
/// </summary>
internal sealed record ScimUser(
    string? UserName, string? DisplayName, string? GivenName, string? FamilyName, string? Email, string? MobilePhone, bool Active,
    string? ExternalId, string? EmployeeNumber, string? Department, string? Manager, string? Password)
{
    /// <summary>When the user was created and last changed (SCIM's meta), where known; never read from a body.</summary>
    public (DateTime? Created, DateTime? LastModified) Times { get; init; }

    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The custom attributes SCIM's fields live in.</summary>
    public static readonly IReadOnlyDictionary<string, string> AttributeNames = new Dictionary<string, string>
    {
        ["externalId"] = "scim.externalId",
        ["givenName"] = "scim.givenName",
        ["familyName"] = "scim.familyName",
        ["employeeNumber"] = "employeeNumber",
        ["department"] = "department",
        ["manager"] = "manager",
    };

    public static ScimUser Of(ApplicationUser user)
    {
        string? Attribute(string field) => user.Attributes.FirstOrDefault(attribute => attribute.Name == AttributeNames[field])?.Value;
        return new ScimUser(user.UserName, user.DisplayName, Attribute("givenName"), Attribute("familyName"), user.Email,
            user.PhoneNumber, user.DisabledAt is null, Attribute("externalId"), Attribute("employeeNumber"), Attribute("department"),
            Attribute("manager"), null) { Times = (user.CreatedAt, user.ChangedAt) };
    }

    /// <summary>The SCIM fields of <see cref="AttributeNames"/>, as the user's attributes hold them.</summary>
    public IEnumerable<(string Name, string Value)> Attributes() =>
        new[]
        {
            ("externalId", ExternalId), ("givenName", GivenName), ("familyName", FamilyName), ("employeeNumber", EmployeeNumber),
            ("department", Department), ("manager", Manager),
        }.Where(pair => !string.IsNullOrEmpty(pair.Item2)).Select(pair => (AttributeNames[pair.Item1], pair.Item2!));

    public JsonObject ToJson(string id, string location, string version, bool administrator)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema, EnterpriseSchema),
            ["id"] = id,
            ["userName"] = UserName,
            ["active"] = Active,
        };
        Add(json, "externalId", ExternalId);
        Add(json, "displayName", DisplayName);
        if (GivenName is not null || FamilyName is not null)
        {
            var name = new JsonObject();
            Add(name, "givenName", GivenName);
            Add(name, "familyName", FamilyName);
            name["formatted"] = string.Join(' ', new[] { GivenName, FamilyName }.Where(part => part is not null));
            json["name"] = name;
        }

        if (Email is not null)
        {
            json["emails"] = new JsonArray(new JsonObject { ["value"] = Email, ["type"] = "work", ["primary"] = true });
        }

        if (MobilePhone is not null)
        {
            json["phoneNumbers"] = new JsonArray(new JsonObject { ["value"] = MobilePhone, ["type"] = "mobile" });
        }

        if (administrator)
        {
            json["groups"] = new JsonArray(new JsonObject { ["value"] = "admin", ["display"] = "admin" });
        }

        var enterprise = new JsonObject();
        Add(enterprise, "employeeNumber", EmployeeNumber);
        Add(enterprise, "department", Department);
        if (Manager is not null)
        {
            enterprise["manager"] = new JsonObject { ["value"] = Manager };
        }

        if (enterprise.Count > 0)
        {
            json[EnterpriseSchema] = enterprise;
        }

        var meta = new JsonObject { ["resourceType"] = "User" };
        Add(meta, "created", ScimJson.DateTime(Times.Created));
        Add(meta, "lastModified", ScimJson.DateTime(Times.LastModified ?? Times.Created));
        meta["location"] = location;
        meta["version"] = version;
        json["meta"] = meta;
        return json;
    }

    /// <summary>The user a SCIM body describes; null with the reason when it cannot be read.</summary>
    public static (ScimUser? User, string? Problem) FromJson(JsonObject json)
    {
        try
        {
            var name = ScimJson.Member(json, "name") as JsonObject;
            var enterprise = ScimJson.Member(json, EnterpriseSchema) as JsonObject;
            var active = ScimJson.Member(json, "active") is JsonValue activeValue
                ? activeValue.TryGetValue<bool>(out var flag) ? flag
                    : bool.TryParse(ScimJson.Text(activeValue), out var parsed) ? parsed
                    : throw new FormatException("active is not a boolean.")
                : true;
            return (new ScimUser(
                ScimJson.Text(ScimJson.Member(json, "userName")),
                ScimJson.Text(ScimJson.Member(json, "displayName")),
                name is null ? null : ScimJson.Text(ScimJson.Member(name, "givenName")),
                name is null ? null : ScimJson.Text(ScimJson.Member(name, "familyName")),
                ValueOfType(ScimJson.Member(json, "emails"), "work"),
                ValueOfType(ScimJson.Member(json, "phoneNumbers"), "mobile"),
                active,
                ScimJson.Text(ScimJson.Member(json, "externalId")),
                enterprise is null ? null : ScimJson.Text(ScimJson.Member(enterprise, "employeeNumber")),
                enterprise is null ? null : ScimJson.Text(ScimJson.Member(enterprise, "department")),
                enterprise is null ? null : ScimJson.Member(enterprise, "manager") switch
                {
                    JsonObject manager => ScimJson.Text(ScimJson.Member(manager, "value")),
                    var other => ScimJson.Text(other),
                },
                ScimJson.Text(ScimJson.Member(json, "password"))), null);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            return (null, exception.Message);
        }
    }

    // A multi-valued attribute's value: the one of the type asked for, else the primary one, else the first.
    private static string? ValueOfType(JsonNode? values, string type)
    {
        if (values is not JsonArray array)
        {
            return null;
        }

        var entries = array.OfType<JsonObject>().ToList();
        var chosen = entries.FirstOrDefault(entry => string.Equals(ScimJson.Text(ScimJson.Member(entry, "type")), type,
                StringComparison.OrdinalIgnoreCase))
            ?? entries.FirstOrDefault(entry =>
                ScimJson.Member(entry, "primary") is JsonValue primary && primary.TryGetValue<bool>(out var isPrimary) && isPrimary)
            ?? entries.FirstOrDefault();
        return chosen is null ? null : ScimJson.Text(ScimJson.Member(chosen, "value"));
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
