using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// <c>/scim/v2/Groups</c>: the server's one role, <c>admin</c>, as a group whose members are its administrators, so a
/// provisioning client can see it. Read-only: making someone an administrator asks for an administrator's confirmation
/// on the dashboard, which no provisioning client can give; a change is refused with <c>mutability</c>.
/// </summary>
internal static partial class ScimGroupEndpoints
{
    public const string Path = "/scim/v2/Groups";

    public static RouteGroupBuilder MapScimGroupEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", ListAsync);
        scim.MapGet("/Groups/{id}", async (string id, UserManager<ApplicationUser> users) =>
            id == UserAdministration.AdministratorRole ? ScimJson.Resource(await AdministratorsAsync(users)) : ScimErrors.Of(404, null,
                $"There is no group '{id}'."));
        scim.MapPost("/Groups", ReadOnly);
        scim.MapPut("/Groups/{id}", ReadOnly);
        scim.MapPatch("/Groups/{id}", ReadOnly);
        scim.MapDelete("/Groups/{id}", ReadOnly);
        return scim;
    }

    private static IResult ReadOnly() => ScimErrors.Of(403, "mutability",
        "Groups are the server's roles: an administrator sets them on the dashboard, where making someone an administrator is confirmed.");

    private static async Task<IResult> ListAsync(UserManager<ApplicationUser> users, string? filter)
    {
        var groups = new JsonArray();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var match = DisplayNameEquals().Match(filter.Trim());
            if (!match.Success)
            {
                return ScimErrors.InvalidFilter("Groups are filtered by displayName eq \"...\" only.");
            }

            if (string.Equals(match.Groups["name"].Value, UserAdministration.AdministratorRole, StringComparison.OrdinalIgnoreCase))
            {
                groups.Add(await AdministratorsAsync(users));
            }
        }
        else
        {
            groups.Add(await AdministratorsAsync(users));
        }

        return ScimJson.Resource(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = groups.Count, ["startIndex"] = 1, ["itemsPerPage"] = groups.Count, ["Resources"] = groups,
        });
    }

    private static async Task<JsonObject> AdministratorsAsync(UserManager<ApplicationUser> users)
    {
        var members = (await users.GetUsersInRoleAsync(UserAdministration.AdministratorRole)).OrderBy(user => user.UserName);
        return new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["id"] = UserAdministration.AdministratorRole,
            ["displayName"] = UserAdministration.AdministratorRole,
            ["members"] = new JsonArray([.. members.Select(user => (JsonNode)new JsonObject
            {
                ["value"] = user.Id, ["display"] = user.UserName, ["$ref"] = $"{ScimUserEndpoints.Path}/{user.Id}",
            })]),
            ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = $"{Path}/{UserAdministration.AdministratorRole}" },
        };
    }

    [GeneratedRegex("""^displayName\s+eq\s+"(?<name>[^"]*)"$""", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNameEquals();
}
