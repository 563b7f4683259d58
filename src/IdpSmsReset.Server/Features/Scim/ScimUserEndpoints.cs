using System.Text.Json.Nodes;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Api;
using IdpSmsReset.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Scim;

/// <summary>
/// <c>/scim/v2/Users</c> (RFC 7644 §3): provisioning from an HR system, Entra ID or Okta, through the dashboard's own
/// <see cref="UserAdministration"/> (its rules and audit, the provisioning application as the actor). <c>active:
/// false</c> disables (the lifecycle's offboarding), DELETE deletes with erasure; a user's policy and role are the
/// dashboard's to set and are kept.
/// </summary>
internal static class ScimUserEndpoints
{
    public const string Path = "/scim/v2/Users";

    public static RouteGroupBuilder MapScimUserEndpoints(this RouteGroupBuilder scim)
    {
        scim.MapGet("/Users", ListAsync);
        scim.MapGet("/Users/{id}", GetAsync);
        scim.MapPost("/Users", CreateAsync).WithIdempotency();
        scim.MapPut("/Users/{id}", ReplaceAsync);
        scim.MapPatch("/Users/{id}", PatchAsync);
        scim.MapDelete("/Users/{id}", DeleteAsync);
        return scim;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IdpDbContext database, UserAdministration administration,
        string? filter, int? startIndex, int? count, string? attributes, string? excludedAttributes, string? sortBy, string? sortOrder)
    {
        var query = database.Users.AsNoTracking().Include(user => user.Attributes).AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var (predicate, problem) = ScimFilter.Parse(filter);
            if (predicate is null)
            {
                return ScimErrors.InvalidFilter(problem!);
            }

            query = query.Where(predicate);
        }

        var start = Math.Max(1, startIndex ?? 1);
        var size = Math.Clamp(count ?? 100, 0, 200);
        var total = await query.CountAsync(context.RequestAborted);
        var descending = string.Equals(sortOrder, "descending", StringComparison.OrdinalIgnoreCase);
        if (sortOrder is not null && !descending && !string.Equals(sortOrder, "ascending", StringComparison.OrdinalIgnoreCase))
        {
            return ScimErrors.InvalidValue("sortOrder is ascending or descending.");
        }

        IOrderedQueryable<ApplicationUser> sorted;
        switch (sortBy?.ToLowerInvariant())
        {
            case null or "username":
                sorted = descending
                    ? query.OrderByDescending(user => user.NormalizedUserName)
                    : query.OrderBy(user => user.NormalizedUserName);
                break;
            case "displayname":
                sorted = descending ? query.OrderByDescending(user => user.DisplayName) : query.OrderBy(user => user.DisplayName);
                break;
            case "emails" or "emails.value":
                sorted = descending ? query.OrderByDescending(user => user.NormalizedEmail) : query.OrderBy(user => user.NormalizedEmail);
                break;
            case "meta.created":
                sorted = descending ? query.OrderByDescending(user => user.CreatedAt) : query.OrderBy(user => user.CreatedAt);
                break;
            case "meta.lastmodified":
                sorted = descending ? query.OrderByDescending(user => user.ChangedAt) : query.OrderBy(user => user.ChangedAt);
                break;
            case "id":
                sorted = descending ? query.OrderByDescending(user => user.Id) : query.OrderBy(user => user.Id);
                break;
            default:
                return ScimErrors.InvalidValue($"Sorting by '{sortBy}' is not supported: userName, displayName, emails.value, "
                    + "meta.created, meta.lastModified or id.");
        }

        // A stable order for ties, so pages neither repeat nor skip a user.
        var page = await sorted.ThenBy(user => user.Id).Skip(start - 1).Take(size).ToListAsync(context.RequestAborted);
        var administrators = await administration.AdministratorIdsAmongAsync(page, context.RequestAborted);
        var resources = new JsonArray();
        foreach (var user in page)
        {
            resources.Add(ScimProjection.Apply(JsonOf(user, administrators.Contains(user.Id), context), attributes, excludedAttributes));
        }

        return ScimJson.Resource(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:ListResponse"),
            ["totalResults"] = total,
            ["startIndex"] = start,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = resources,
        });
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, UserAdministration administration, string? attributes,
        string? excludedAttributes) =>
        await administration.FindAsync(id, context.RequestAborted) is { } user
            ? Versioned(context, user,
                ScimProjection.Apply(await JsonOfAsync(user, administration, context), attributes, excludedAttributes))
            : ScimErrors.NotFound(id);

    private static async Task<IResult> CreateAsync(HttpContext context, UserAdministration administration)
    {
        if (await ScimJson.ReadObjectAsync(context.Request) is not { } body)
        {
            return ScimErrors.InvalidSyntax("The body must be a SCIM User as a JSON object.");
        }

        var (scim, problem) = ScimUser.FromJson(body);
        if (scim is null)
        {
            return ScimErrors.InvalidValue(problem!);
        }

        if (string.IsNullOrWhiteSpace(scim.UserName))
        {
            return ScimErrors.InvalidValue("userName is required.");
        }

        var caller = ApiAccess.Caller(context);
        var saved = await administration.SaveAsync(new UserChange(null, scim.UserName, scim.Password, scim.DisplayName, scim.Email,
            scim.MobilePhone, null, false, Lines(scim.Attributes())), caller, context.RequestAborted);
        if (!saved.Succeeded)
        {
            return Refusal(saved);
        }

        var user = (await administration.FindAsync(saved.Id!, context.RequestAborted))!;
        if (!scim.Active)
        {
            await administration.DisableAsync(user, caller, context.RequestAborted);
        }

        context.Response.Headers.Location = Location(context, user.Id);
        // Provisioning never makes an administrator: no need to ask.
        return Versioned(context, user, JsonOf(user, administrator: false, context), 201);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ScimErrors.NotFound(id);
        }

        if (await ScimJson.ReadObjectAsync(context.Request) is not { } body)
        {
            return ScimErrors.InvalidSyntax("The body must be a SCIM User as a JSON object.");
        }

        return await SaveAsync(context, administration, user, body);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ScimErrors.NotFound(id);
        }

        if (await ScimJson.ReadObjectAsync(context.Request) is not { } body)
        {
            return ScimErrors.InvalidSyntax("The body must be a PatchOp message as a JSON object.");
        }

        var current = await JsonOfAsync(user, administration, context);
        return ScimPatch.Apply(current, body) is { } problem
            ? ScimErrors.InvalidValue(problem)
            : await SaveAsync(context, administration, user, current);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ScimErrors.NotFound(id);
        }

        var deleted = await administration.DeleteAsync(user, ApiAccess.Caller(context), context.RequestAborted);
        return deleted.Succeeded ? Results.NoContent() : ScimErrors.Of(409, "mutability", Describe(deleted));
    }

    /// <summary>
    /// The user as <paramref name="body"/> describes it (a PUT, or a PATCH applied): its SCIM fields replaced, the rest
    /// (policy, role, other attributes) kept; then enabled or disabled as <c>active</c> says.
    /// </summary>
    private static async Task<IResult> SaveAsync(HttpContext context, UserAdministration administration, ApplicationUser user,
        JsonObject body)
    {
        if (context.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch && ifMatch != "*" && ifMatch != VersionOf(user))
        {
            return ScimErrors.Of(412, null, "The user changed since that version: read it again.");
        }

        var (scim, problem) = ScimUser.FromJson(body);
        if (scim is null)
        {
            return ScimErrors.InvalidValue(problem!);
        }

        var kept = user.Attributes.Where(attribute => !ScimUser.AttributeNames.Values.Contains(attribute.Name))
            .Select(attribute => (attribute.Name, attribute.Value));
        var caller = ApiAccess.Caller(context);
        var saved = await administration.SaveAsync(new UserChange(user.Id, scim.UserName ?? user.UserName, null, scim.DisplayName,
            scim.Email, scim.MobilePhone, user.SecurityPolicyId?.ToString(), await administration.IsAdministratorAsync(user),
            Lines([.. kept, .. scim.Attributes()])), caller, context.RequestAborted);
        if (!saved.Succeeded)
        {
            return Refusal(saved);
        }

        if (!scim.Active && user.DisabledAt is null)
        {
            var disabled = await administration.DisableAsync(user, caller, context.RequestAborted);
            if (!disabled.Succeeded)
            {
                return ScimErrors.Of(409, "mutability", Describe(disabled));
            }
        }
        else if (scim.Active && user.DisabledAt is not null)
        {
            await administration.EnableAsync(user, caller, context.RequestAborted);
        }

        var fresh = (await administration.FindAsync(user.Id, context.RequestAborted))!;
        return Versioned(context, fresh, await JsonOfAsync(fresh, administration, context));
    }

    private static IResult Refusal(CommandResult result) =>
        result.Problems.Any(problem => problem.Problem.Contains("already", StringComparison.OrdinalIgnoreCase)
            || problem.Problem.Contains("taken", StringComparison.OrdinalIgnoreCase))
            ? ScimErrors.Uniqueness(Describe(result))
            : ScimErrors.InvalidValue(Describe(result));

    private static string Describe(CommandResult result) =>
        string.Join(" ", result.Problems.Select(problem => $"{problem.Field}: {problem.Problem}"));

    private static string Lines(IEnumerable<(string Name, string Value)> attributes) =>
        string.Join('\n', attributes.Select(attribute => $"{attribute.Name}={attribute.Value}"));

    private static async Task<JsonObject> JsonOfAsync(ApplicationUser user, UserAdministration administration, HttpContext context) =>
        JsonOf(user, await administration.IsAdministratorAsync(user), context);

    private static JsonObject JsonOf(ApplicationUser user, bool administrator, HttpContext context) =>
        ScimUser.Of(user).ToJson(user.Id, Location(context, user.Id), VersionOf(user), administrator);

    private static IResult Versioned(HttpContext context, ApplicationUser user, JsonObject json, int status = 200)
    {
        context.Response.Headers.ETag = VersionOf(user);
        return ScimJson.Resource(json, status);
    }

    private static string VersionOf(ApplicationUser user) => $"W/\"{user.ConcurrencyStamp}\"";

    // From the issuer, never from the request's Host header.
    private static string Location(HttpContext context, string id) =>
        $"{context.RequestServices.GetRequiredService<IOptions<IdpOptions>>().Value.IssuerBase}{Path}/{id}";
}
