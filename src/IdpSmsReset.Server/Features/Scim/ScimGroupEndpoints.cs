using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Api;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// <c>/scim/v2/Groups</c>: the server's one role, <c>admin</c>, as a group whose members are its administrators.
/// Membership is set by PATCH (add/remove/replace <c>members</c>, as Entra ID and Okta send it) or PUT, through
/// <see cref="UserAdministration.SetAdministratorAsync"/> (the dashboard's rule: the last administrator who can sign in
/// stays one). Because membership hands out the whole server, a change also needs the token to carry
/// <c>idp:admin</c>: a provisioning client with <c>idp:scim</c> alone reads the group but cannot make administrators.
/// The roles themselves are fixed: no group is created, renamed or deleted.
/// </summary>
internal static partial class ScimGroupEndpoints
{
    public const string Path = "/scim/v2/Groups";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static RouteGroupBuilder MapScimGroupEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", ListAsync);
        scim.MapGet("/Groups/{id}", async (string id, UserManager<ApplicationUser> users) =>
            IsAdministrators(id) ? ScimJson.Resource(await AdministratorsAsync(users)) : NoSuchGroup(id));
        scim.MapPost("/Groups", () => ScimErrors.Of(403, "mutability",
            $"The groups are the server's roles, which are fixed: the one group is '{UserAdministration.AdministratorRole}'."));
        scim.MapDelete("/Groups/{id}", (string id) => IsAdministrators(id) ? ScimErrors.Of(403, "mutability",
            "The administrators' group is one of the server's roles: it cannot be deleted.") : NoSuchGroup(id));
        scim.MapPut("/Groups/{id}", (string id, HttpContext context, UserManager<ApplicationUser> users,
            UserAdministration administration) => ChangeAsync(id, context, users, administration, patch: false));
        scim.MapPatch("/Groups/{id}", (string id, HttpContext context, UserManager<ApplicationUser> users,
            UserAdministration administration) => ChangeAsync(id, context, users, administration, patch: true));
        return scim;
    }

    private static async Task<IResult> ChangeAsync(string id, HttpContext context, UserManager<ApplicationUser> users,
        UserAdministration administration, bool patch)
    {
        if (!IsAdministrators(id))
        {
            return NoSuchGroup(id);
        }

        if (!ApiAccess.CallerHas(context, ApplicationVocabulary.AdminScope))
        {
            return ScimErrors.Of(403, "mutability",
                $"Changing who is an administrator needs a token with {ApplicationVocabulary.AdminScope} as well as "
                + $"{ApplicationVocabulary.ScimScope}.");
        }

        if (await ScimJson.ReadObjectAsync(context.Request) is not { } body)
        {
            return ScimErrors.InvalidSyntax(patch ? "The body must be a PatchOp message as a JSON object."
                : "The body must be a SCIM Group as a JSON object.");
        }

        var current = await AdministratorsAsync(users);
        var wanted = patch ? current.DeepClone().AsObject() : body;
        if (patch && ScimPatch.Apply(wanted, body) is { } problem)
        {
            return ScimErrors.InvalidValue(problem);
        }

        if (ScimJson.Text(ScimJson.Member(wanted, "displayName")) is { } name
            && !string.Equals(name, UserAdministration.AdministratorRole, StringComparison.OrdinalIgnoreCase))
        {
            return ScimErrors.Of(400, "mutability", "The group's displayName is the role's name; it cannot change.");
        }

        var members = ScimJson.Member(wanted, "members") is JsonArray list
            ? list.Select(member => member is JsonObject entry ? ScimJson.Text(ScimJson.Member(entry, "value")) : null).ToList()
            : [];
        if (members.Any(member => member is null))
        {
            return ScimErrors.InvalidValue("Each member is an object with the user's id as its value.");
        }

        return await ApplyMembershipAsync(context, users, administration, current, members.Distinct().ToList()!);
    }

    // Additions first, so that replacing the last administrator by another one is not refused half-way.
    private static async Task<IResult> ApplyMembershipAsync(HttpContext context, UserManager<ApplicationUser> users,
        UserAdministration administration, JsonObject current, List<string> wanted)
    {
        var present = ((JsonArray)current["members"]!).Select(member => ScimJson.Text(member!["value"])!).ToHashSet();
        var changes = wanted.Where(member => !present.Contains(member)).Select(member => (Id: member, Administrator: true))
            .Concat(present.Where(member => !wanted.Contains(member)).Select(member => (Id: member, Administrator: false)))
            .ToList();
        var found = new List<(ApplicationUser User, bool Administrator)>();
        foreach (var (memberId, administrator) in changes)
        {
            if (await administration.FindAsync(memberId, context.RequestAborted) is not { } user)
            {
                return ScimErrors.InvalidValue($"There is no user '{memberId}' to be a member.");
            }

            found.Add((user, administrator));
        }

        // Refused whole rather than half-applied: the last removal would be refused after the others took effect.
        var staying = present.Where(wanted.Contains).ToList();
        if (!await AnyEnabledAsync(administration, staying, context.RequestAborted)
            && !found.Any(change => change.Administrator && change.User.DisabledAt is null))
        {
            return ScimErrors.Of(409, "mutability", "No administrator who can sign in would be left: keep or add one.");
        }

        foreach (var (user, administrator) in found)
        {
            var set = await administration.SetAdministratorAsync(user, administrator, ApiAccess.Caller(context),
                context.RequestAborted);
            if (!set.Succeeded)
            {
                return ScimErrors.Of(409, "mutability", $"{user.UserName}: {set.Problems[0].Problem}");
            }
        }

        return ScimJson.Resource(await AdministratorsAsync(users));
    }

    private static async Task<bool> AnyEnabledAsync(UserAdministration administration, List<string> ids,
        CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            if (await administration.FindAsync(id, cancellationToken) is { DisabledAt: null })
            {
                return true;
            }
        }

        return false;
    }

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

            if (IsAdministrators(match.Groups["name"].Value))
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

    private static bool IsAdministrators(string id) =>
        string.Equals(id, UserAdministration.AdministratorRole, StringComparison.OrdinalIgnoreCase);

    private static IResult NoSuchGroup(string id) => ScimErrors.Of(404, null, $"There is no group '{id}'.");

    private static async Task<JsonObject> AdministratorsAsync(UserManager<ApplicationUser> users)
    {
        var members = (await users.GetUsersInRoleAsync(UserAdministration.AdministratorRole)).OrderBy(user => user.UserName).ToList();
        return new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["id"] = UserAdministration.AdministratorRole,
            ["displayName"] = UserAdministration.AdministratorRole,
            ["members"] = new JsonArray([.. members.Select(user => (JsonNode)new JsonObject
            {
                ["value"] = user.Id, ["display"] = user.UserName, ["$ref"] = $"{ScimUserEndpoints.Path}/{user.Id}",
            })]),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "Group", ["location"] = $"{Path}/{UserAdministration.AdministratorRole}",
                ["version"] = VersionOf(members),
            },
        };
    }

    // Stable across instances and restarts: the members' ids, hashed.
    private static string VersionOf(IEnumerable<ApplicationUser> members) =>
        $"W/\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join(',', members.Select(user => user.Id)))))[..16]}\"";

    [GeneratedRegex("""^displayName\s+eq\s+"(?<name>[^"]*)"$""", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNameEquals();
}
