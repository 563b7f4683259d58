using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using System.Text;

namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>
/// <c>/api/v1/users</c>: the dashboard's user commands over HTTP, through <see cref="UserAdministration"/> (the same rules,
/// the same audit, the application as the actor). Reads need <c>idp:admin:read</c> or <c>idp:admin</c>, changes
/// <c>idp:admin</c>; a change names the version it read in <c>If-Match</c>.
/// </summary>
internal static class UserEndpoints
{
    public const string Path = "/api/v1/users";

    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup(Path).WithTags("Users");
        var read = users.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = users.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListUsers").Produces<ApiAnswers.Page<UserResource>>();
        read.MapGet("/{id}", GetAsync).WithName("GetUser").Produces<UserResource>();
        write.MapPost("", CreateAsync).WithIdempotency().WithName("CreateUser").Produces<UserResource>(StatusCodes.Status201Created);
        write.MapPut("/{id}", UpdateAsync).WithName("UpdateUser").Produces<UserResource>();
        write.MapDelete("/{id}", DeleteAsync).WithName("DeleteUser").Produces(StatusCodes.Status204NoContent);
        write.MapPost("/{id}/disable", DisableAsync).WithName("DisableUser").Produces<UserResource>();
        write.MapPost("/{id}/enable", EnableAsync).WithName("EnableUser").Produces<UserResource>();
        return users.MapUserActionEndpoints().MapUserLinkEndpoints();
    }

    /// <summary>
    /// Users by name, <paramref name="limit"/> at a time; <c>next</c> is the address of the following page. <c>filter</c>
    /// is a SCIM filter (<c>userName eq "jo"</c>, <c>meta.lastModified gt "..."</c>: the same grammar as <c>/scim/v2</c>),
    /// answered by the database.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext context, UserAdministration administration, SecurityPolicyService policies,
        TimeProvider time, string? search, string? filter, int? limit, string? cursor)
    {
        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var (predicate, problem) = string.IsNullOrWhiteSpace(filter) ? (null, null) : Scim.ScimFilter.Parse(filter);
        if (problem is not null)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-filter", problem);
        }

        string? after;
        try
        {
            after = cursor is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-cursor", "The cursor is not one this API gave.");
        }

        var rows = await administration.ListAfterAsync(search, after, size + 1, context.RequestAborted, predicate);
        var page = rows.Take(size).ToList();
        var administrators = await administration.AdministratorIdsAmongAsync(page, context.RequestAborted);
        var policyOf = await policies.NamesForAsync(context.RequestAborted);
        var items = page.Select(user => UserResource.Of(user, policyOf(user), administrators.Contains(user.Id), time.GetUtcNow()))
            .ToList();

        string? next = null;
        if (rows.Count > size)
        {
            var nextCursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(rows[size - 1].NormalizedUserName!));
            next = $"{Path}?limit={size}&cursor={Uri.EscapeDataString(nextCursor)}"
                + (search is null ? "" : $"&search={Uri.EscapeDataString(search)}")
                + (filter is null ? "" : $"&filter={Uri.EscapeDataString(filter)}");
        }

        return Results.Ok(new ApiAnswers.Page<UserResource>(items, next));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, UserAdministration administration,
        SecurityPolicyService policies, TimeProvider time)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        context.Response.Headers.ETag = UserResource.ETagOf(user);
        return Results.Ok(await ResourceOfAsync(user, administration, policies, time, context.RequestAborted));
    }

    private static async Task<IResult> CreateAsync([FromBody] UserInput input, HttpContext context, UserAdministration administration,
        SecurityPolicyService policies, TimeProvider time)
    {
        var (change, problems) = await ChangeOfAsync(null, input, policies, context.RequestAborted);
        var result = problems.Count > 0 ? CommandResult.Refused(problems)
            : await administration.SaveAsync(change!, ApiAccess.Caller(context), context.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(result.Problems);
        }

        var user = (await administration.FindAsync(result.Id!, context.RequestAborted))!;
        context.Response.Headers.ETag = UserResource.ETagOf(user);
        return Results.Created($"{Path}/{user.Id}", await ResourceOfAsync(user, administration, policies, time, context.RequestAborted));
    }

    private static async Task<IResult> UpdateAsync(string id, [FromBody] UserInput input, HttpContext context,
        UserAdministration administration, SecurityPolicyService policies, TimeProvider time)
    {
        if (await ForChangeAsync(id, context, administration) is not { } user)
        {
            return context.Items[Refusal] as IResult ?? ApiProblems.NotFound("user");
        }

        var (change, problems) = await ChangeOfAsync(user.Id, input with { UserName = user.UserName }, policies, context.RequestAborted);
        var result = problems.Count > 0 ? CommandResult.Refused(problems)
            : await administration.SaveAsync(change!, ApiAccess.Caller(context), context.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(result.Problems);
        }

        context.Response.Headers.ETag = UserResource.ETagOf(user);
        return Results.Ok(await ResourceOfAsync(user, administration, policies, time, context.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, UserAdministration administration)
    {
        if (await ForChangeAsync(id, context, administration) is not { } user)
        {
            return context.Items[Refusal] as IResult ?? ApiProblems.NotFound("user");
        }

        var result = await administration.DeleteAsync(user, ApiAccess.Caller(context), context.RequestAborted);
        return result.Succeeded ? Results.NoContent() : Conflict(result);
    }

    private static async Task<IResult> DisableAsync(string id, HttpContext context, UserAdministration administration,
        SecurityPolicyService policies, TimeProvider time)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        var result = await administration.DisableAsync(user, ApiAccess.Caller(context), context.RequestAborted);
        if (!result.Succeeded)
        {
            return Conflict(result);
        }

        context.Response.Headers.ETag = UserResource.ETagOf(user);
        return Results.Ok(await ResourceOfAsync(user, administration, policies, time, context.RequestAborted));
    }

    private static async Task<IResult> EnableAsync(string id, HttpContext context, UserAdministration administration,
        SecurityPolicyService policies, TimeProvider time)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        await administration.EnableAsync(user, ApiAccess.Caller(context), context.RequestAborted);
        context.Response.Headers.ETag = UserResource.ETagOf(user);
        return Results.Ok(await ResourceOfAsync(user, administration, policies, time, context.RequestAborted));
    }

    private const string Refusal = "idp:api-refusal";

    /// <summary>The user a change is about, when <c>If-Match</c> names its current version; else null and why.</summary>
    private static async Task<ApplicationUser?> ForChangeAsync(string id, HttpContext context, UserAdministration administration)
    {
        var user = await administration.FindAsync(id, context.RequestAborted);
        context.Items[Refusal] = user is null ? ApiProblems.NotFound("user") : ApiVersions.Refusal(context, UserResource.ETagOf(user));
        return context.Items[Refusal] is null ? user : null;
    }

    private static IResult Conflict(CommandResult result) => ApiProblems.Of(StatusCodes.Status409Conflict, "refused",
        string.Join(" ", result.Problems.Select(problem => problem.Problem)), result.Problems);

    private static async Task<(UserChange? Change, IReadOnlyList<FieldProblem> Problems)> ChangeOfAsync(string? id, UserInput input,
        SecurityPolicyService policies, CancellationToken cancellationToken)
    {
        string? policyId = null;
        if (!string.IsNullOrWhiteSpace(input.Policy))
        {
            if (await policies.FindByNameAsync(input.Policy, cancellationToken) is not { } policy)
            {
                return (null, [new FieldProblem("policy", $"There is no policy '{input.Policy}'.")]);
            }

            policyId = policy.Id.ToString();
        }

        var unknownRoles = (input.Roles ?? []).Where(role => role != UserAdministration.AdministratorRole).ToList();
        if (unknownRoles.Count > 0)
        {
            return (null, [new FieldProblem("roles",
                $"'{unknownRoles[0]}' is not a role; the one role is '{UserAdministration.AdministratorRole}'.")]);
        }

        var attributes = string.Join('\n', (input.Attributes ?? []).Select(pair => $"{pair.Key}={pair.Value}"));
        return (new UserChange(id, input.UserName, input.Password, input.DisplayName, input.Email, input.PhoneNumber, policyId,
            input.Roles?.Contains(UserAdministration.AdministratorRole) == true, attributes, input.PasswordHash), []);
    }

    private static async Task<UserResource> ResourceOfAsync(ApplicationUser user, UserAdministration administration,
        SecurityPolicyService policies, TimeProvider time, CancellationToken cancellationToken)
    {
        var policy = (await policies.ForUserAsync(user, cancellationToken)).Name;
        return UserResource.Of(user, policy, await administration.IsAdministratorAsync(user), time.GetUtcNow());
    }
}

/// <summary>
/// A user as a script sends it: the same shape as a bootstrap file's user. On update every field is replaced (a missing
/// one is cleared), as with the dashboard's form; <c>password</c> only sets the first one, at creation, or instead
/// <c>passwordHash</c>: the hash the user's password has in the system the user comes from (bcrypt, PBKDF2, Argon2id,
/// scrypt, Django's, Keycloak's credential, ASP.NET Core Identity's), verified and replaced at the first sign-in.
/// </summary>
public sealed record UserInput(
    string? UserName,
    string? Password,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? Policy,
    List<string>? Roles,
    Dictionary<string, string>? Attributes,
    string? PasswordHash = null);

/// <summary>A user as the API shows it: the bootstrap file's field names, and what an administrator sees on the dashboard.</summary>
public sealed record UserResource(
    string Id,
    string UserName,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? Policy,
    IReadOnlyList<string> Roles,
    bool Disabled,
    bool LockedOut,
    IReadOnlyList<string> RequiredActions,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static UserResource Of(ApplicationUser user, string? policy, bool administrator, DateTimeOffset now) => new(
        user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.PhoneNumber, policy,
        administrator ? [Core.Administration.UserAdministration.AdministratorRole] : [], user.DisabledAt is not null,
        user.LockoutEnd > now, Core.SignIn.RequiredActions.Of(user),
        user.Attributes.ToDictionary(attribute => attribute.Name, attribute => attribute.Value));

    /// <summary>The version a change must name in <c>If-Match</c>: Identity's concurrency stamp, new at every save.</summary>
    public static string ETagOf(ApplicationUser user) => $"\"{user.ConcurrencyStamp}\"";
}
