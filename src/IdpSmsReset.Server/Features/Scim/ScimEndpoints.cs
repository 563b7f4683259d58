using System.Text.Json.Nodes;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Features.Api;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// SCIM 2.0 (RFC 7643, 7644) under <c>/scim/v2</c>, for a bearer token with <c>idp:scim</c>: Users, and what a client
/// reads first to know what is offered (<c>ServiceProviderConfig</c>, <c>ResourceTypes</c>, <c>Schemas</c>).
/// </summary>
internal static class ScimEndpoints
{
    public const string Root = "/scim/v2";

    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(Root).RequireScope(ApplicationVocabulary.ScimScope).ExcludeFromDescription();
        scim.MapGet("/ServiceProviderConfig", () => ScimJson.Resource(ServiceProviderConfig()));
        scim.MapGet("/ResourceTypes", () => ScimJson.Resource(List(UserResourceType(), GroupResourceType())));
        scim.MapGet("/ResourceTypes/User", () => ScimJson.Resource(UserResourceType()));
        scim.MapGet("/ResourceTypes/Group", () => ScimJson.Resource(GroupResourceType()));
        scim.MapGet("/Schemas", () => ScimJson.Resource(List(UserSchema(), EnterpriseSchema(), GroupSchema())));
        scim.MapGet("/Schemas/{id}", (string id) =>
            id == ScimUser.UserSchema ? ScimJson.Resource(UserSchema())
            : id == ScimUser.EnterpriseSchema ? ScimJson.Resource(EnterpriseSchema())
            : id == GroupSchemaId ? ScimJson.Resource(GroupSchema())
            : ScimErrors.Of(404, null, $"There is no schema '{id}'."));
        scim.MapScimUserEndpoints();
        scim.MapScimGroupEndpoints();
        return endpoints;
    }

    private static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = 200 },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "OAuth Bearer Token", ["primary"] = true,
            ["description"] = "An access token from this server's client_credentials grant with the scope idp:scim.",
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = Root + "/ServiceProviderConfig" },
    };

    private static JsonObject GroupResourceType() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["schema"] = "urn:ietf:params:scim:schemas:core:2.0:Group",
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = Root + "/ResourceTypes/Group" },
    };

    private static JsonObject UserResourceType() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["schema"] = ScimUser.UserSchema,
        ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimUser.EnterpriseSchema, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = Root + "/ResourceTypes/User" },
    };

    private static JsonObject UserSchema() => Schema(ScimUser.UserSchema, "User", "A user account",
        Attribute("userName", required: true, uniqueness: "server"), Attribute("displayName"), Attribute("externalId"),
        Complex("name", Attribute("givenName"), Attribute("familyName"), Attribute("formatted", mutability: "readOnly")),
        Complex("emails", multiValued: true, Attribute("value"), Attribute("type"), Boolean("primary")),
        Complex("phoneNumbers", multiValued: true, Attribute("value"), Attribute("type")),
        Boolean("active"), Attribute("password", mutability: "writeOnly", returned: "never"),
        Complex("groups", multiValued: true, mutability: "readOnly", Attribute("value"), Attribute("display")));

    private const string GroupSchemaId = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static JsonObject GroupSchema() => Schema(GroupSchemaId, "Group",
        "A role of the server: its members are set (with idp:admin), the group itself is fixed",
        Attribute("displayName", mutability: "readOnly"),
        Complex("members", multiValued: true, mutability: "readWrite", Attribute("value"), Attribute("display", mutability: "readOnly")));

    private static JsonObject EnterpriseSchema() => Schema(ScimUser.EnterpriseSchema, "EnterpriseUser", "Enterprise user",
        Attribute("employeeNumber"), Attribute("department"), Complex("manager", Attribute("value")));

    private static JsonObject Schema(string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id, ["name"] = name, ["description"] = description, ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{Root}/Schemas/{id}" },
    };

    private static JsonObject Attribute(string name, bool required = false, string uniqueness = "none", string mutability = "readWrite",
        string returned = "default") => new()
    {
        ["name"] = name, ["type"] = "string", ["multiValued"] = false, ["required"] = required, ["caseExact"] = false,
        ["mutability"] = mutability, ["returned"] = returned, ["uniqueness"] = uniqueness,
    };

    private static JsonObject Boolean(string name) => new()
    {
        ["name"] = name, ["type"] = "boolean", ["multiValued"] = false, ["required"] = false, ["mutability"] = "readWrite",
        ["returned"] = "default",
    };

    private static JsonObject Complex(string name, params JsonObject[] subAttributes) => Complex(name, false, "readWrite", subAttributes);

    private static JsonObject Complex(string name, bool multiValued, params JsonObject[] subAttributes) =>
        Complex(name, multiValued, "readWrite", subAttributes);

    private static JsonObject Complex(string name, bool multiValued, string mutability, params JsonObject[] subAttributes) => new()
    {
        ["name"] = name, ["type"] = "complex", ["multiValued"] = multiValued, ["required"] = false, ["mutability"] = mutability,
        ["returned"] = "default", ["subAttributes"] = new JsonArray(subAttributes),
    };

    private static JsonObject List(params JsonObject[] resources) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
        ["totalResults"] = resources.Length, ["startIndex"] = 1, ["itemsPerPage"] = resources.Length,
        ["Resources"] = new JsonArray(resources),
    };
}
