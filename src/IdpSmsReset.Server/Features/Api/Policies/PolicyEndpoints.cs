using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Policies;

/// <summary>
/// <c>/api/v1/policies</c>, by name as the bootstrap file names them and in its shape (<see cref="BootstrapPolicy"/>:
/// an omitted field takes its default), through <see cref="PolicyAdministration"/> (<see cref="SecurityPolicyRules"/>,
/// the audit). The version (<c>ETag</c>) is the SHA-256 of the policy as shown.
/// </summary>
internal static class PolicyEndpoints
{
    public const string Path = "/api/v1/policies";

    public static RouteGroupBuilder MapPolicyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup(Path).WithTags("Policies");
        var read = policies.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = policies.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListPolicies").Produces<ApiAnswers.Page<BootstrapPolicy>>();
        read.MapGet("/{name}", GetAsync).WithName("GetPolicy").Produces<BootstrapPolicy>();
        write.MapPost("", CreateAsync).WithIdempotency().WithName("CreatePolicy").Produces<BootstrapPolicy>(StatusCodes.Status201Created);
        write.MapPut("/{name}", UpdateAsync).WithName("UpdatePolicy").Produces<BootstrapPolicy>();
        write.MapDelete("/{name}", DeleteAsync).WithName("DeletePolicy").Produces(StatusCodes.Status204NoContent);
        write.MapPost("/{name}/make-default", MakeDefaultAsync).WithName("MakeDefaultPolicy").Produces<BootstrapPolicy>();
        return policies;
    }

    private static async Task<IResult> ListAsync(HttpContext context, PolicyDirectory directory) =>
        Results.Ok(new ApiAnswers.Page<BootstrapPolicy>([.. (await directory.ListAsync(context.RequestAborted)).Select(BootstrapPolicy.Of)],
            null));

    private static async Task<IResult> GetAsync(string name, HttpContext context, SecurityPolicyService policies)
    {
        if (await policies.FindByNameAsync(name, context.RequestAborted) is not { } policy)
        {
            return ApiProblems.NotFound("policy");
        }

        var shown = BootstrapPolicy.Of(policy);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return Results.Ok(shown);
    }

    private static async Task<IResult> CreateAsync([FromBody] BootstrapPolicy input, HttpContext context,
        PolicyAdministration administration, SecurityPolicyService policies) =>
        await SaveAsync(null, input, context, administration, policies) is { } refusal ? refusal
            : Results.Created($"{Path}/{Uri.EscapeDataString(input.Name!.Trim())}",
                await ShownAsync(input.Name!.Trim(), context, policies));

    private static async Task<IResult> UpdateAsync(string name, [FromBody] BootstrapPolicy input, HttpContext context,
        PolicyAdministration administration, SecurityPolicyService policies)
    {
        if (await CheckVersionAsync(name, context, policies) is { } refusal)
        {
            return refusal;
        }

        var existing = (await policies.FindByNameAsync(name, context.RequestAborted))!;
        return await SaveAsync(existing.Id, input, context, administration, policies) ??
            Results.Ok(await ShownAsync(input.Name!.Trim(), context, policies));
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, PolicyAdministration administration,
        SecurityPolicyService policies)
    {
        if (await CheckVersionAsync(name, context, policies) is { } refusal)
        {
            return refusal;
        }

        var existing = (await policies.FindByNameAsync(name, context.RequestAborted))!;
        var deleted = await administration.DeleteAsync(existing.Id, ApiAccess.Caller(context), context.RequestAborted);
        return deleted.Succeeded ? Results.NoContent()
            : ApiProblems.Of(StatusCodes.Status409Conflict, "refused", string.Join(" ", deleted.Problems.Select(p => p.Problem)),
                deleted.Problems);
    }

    /// <summary>The policy of every user who has none of their own; the one that was the default no longer is.</summary>
    private static async Task<IResult> MakeDefaultAsync(string name, HttpContext context, PolicyAdministration administration,
        SecurityPolicyService policies)
    {
        if (await policies.FindByNameAsync(name, context.RequestAborted) is not { } policy)
        {
            return ApiProblems.NotFound("policy");
        }

        var made = await administration.MakeDefaultAsync(policy.Id, ApiAccess.Caller(context), context.RequestAborted);
        return made.Succeeded ? Results.Ok(await ShownAsync(policy.Name, context, policies)) : ApiProblems.Invalid(made.Problems);
    }

    // Null when saved; else the refusal.
    private static async Task<IResult?> SaveAsync(Guid? id, BootstrapPolicy input, HttpContext context,
        PolicyAdministration administration, SecurityPolicyService policies)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return ApiProblems.Invalid([new("name", "Enter a name.")]);
        }

        if (input.VocabularyProblems().ToList() is { Count: > 0 } words)
        {
            return ApiProblems.Invalid(words);
        }

        var values = new SecurityPolicy { Name = input.Name };
        input.ApplyTo(values);
        var saved = await administration.SaveAsync(id, values, ApiAccess.Caller(context), context.RequestAborted);
        return saved.Succeeded ? null : ApiProblems.Invalid(saved.Problems);
    }

    private static async Task<BootstrapPolicy> ShownAsync(string name, HttpContext context, SecurityPolicyService policies)
    {
        var shown = BootstrapPolicy.Of((await policies.FindByNameAsync(name, context.RequestAborted))!);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return shown;
    }

    private static async Task<IResult?> CheckVersionAsync(string name, HttpContext context, SecurityPolicyService policies)
    {
        if (await policies.FindByNameAsync(name, context.RequestAborted) is not { } current)
        {
            return ApiProblems.NotFound("policy");
        }

        return ApiVersions.Refusal(context, ApiVersions.OfContent(BootstrapPolicy.Of(current)));
    }
}
