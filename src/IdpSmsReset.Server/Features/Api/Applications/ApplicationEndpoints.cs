using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Theming;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Applications;

/// <summary>
/// <c>/api/v1/applications</c>: OIDC applications with <see cref="ApplicationAdministration"/>, the dashboard's and the
/// bootstrap's command, in the bootstrap file's shape (<see cref="ApplicationDefinition"/>). A secret is made by the
/// server and shown once, in the answer that made it; the version (<c>ETag</c>) is the SHA-256 of the definition.
/// </summary>
internal static class ApplicationEndpoints
{
    public const string Path = "/api/v1/applications";

    public static RouteGroupBuilder MapApplicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var applications = endpoints.MapGroup(Path).WithTags("Applications");
        var read = applications.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = applications.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListApplications").Produces<ApiAnswers.Page<ApplicationDefinition>>();
        read.MapGet("/{clientId}", GetAsync).WithName("GetApplication").Produces<ApplicationDefinition>();
        write.MapPost("", CreateAsync).WithIdempotency().WithName("CreateApplication")
            .Produces<ApplicationDefinition>(StatusCodes.Status201Created);
        write.MapPut("/{clientId}", UpdateAsync).WithName("UpdateApplication").Produces<ApplicationDefinition>();
        write.MapPost("/{clientId}/rotate-secret", RotateSecretAsync).WithName("RotateApplicationSecret")
            .Produces<ApiAnswers.NewSecret>();
        write.MapDelete("/{clientId}", DeleteAsync).WithName("DeleteApplication").Produces(StatusCodes.Status204NoContent);
        return applications;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ApplicationDirectory directory,
        ApplicationAdministration administration)
    {
        var items = new List<ApplicationDefinition>();
        foreach (var row in await directory.ListAsync(context.RequestAborted))
        {
            if (await administration.FindAsync(row.ClientId!, context.RequestAborted) is { } definition)
            {
                items.Add(definition);
            }
        }

        return Results.Ok(new ApiAnswers.Page<ApplicationDefinition>(items, null));
    }

    private static async Task<IResult> GetAsync(string clientId, HttpContext context, ApplicationAdministration administration)
    {
        if (await administration.FindAsync(clientId, context.RequestAborted) is not { } definition)
        {
            return ApiProblems.NotFound("application");
        }

        context.Response.Headers.ETag = ApiVersions.OfContent(definition);
        return Results.Ok(definition);
    }

    private static async Task<IResult> CreateAsync([FromBody] ApplicationDefinition definition, HttpContext context,
        ApplicationAdministration administration, ThemeCatalog themes)
    {
        var saved = await administration.SaveAsync(null, definition, [.. themes.Names], ApiAccess.Caller(context), context.RequestAborted);
        if (!saved.Succeeded)
        {
            return ApiProblems.Invalid(saved.Problems);
        }

        var created = (await administration.FindAsync(definition.ClientId!, context.RequestAborted))!;
        context.Response.Headers.ETag = ApiVersions.OfContent(created);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Created($"{Path}/{Uri.EscapeDataString(created.ClientId!)}",
            new { application = created, clientSecret = saved.NewSecret });
    }

    private static async Task<IResult> UpdateAsync(string clientId, [FromBody] ApplicationDefinition definition, HttpContext context,
        ApplicationAdministration administration, ThemeCatalog themes)
    {
        if (await CheckVersionAsync(clientId, context, administration) is { } refusal)
        {
            return refusal;
        }

        var saved = await administration.SaveAsync(clientId, definition, [.. themes.Names], ApiAccess.Caller(context),
            context.RequestAborted);
        if (!saved.Succeeded)
        {
            return ApiProblems.Invalid(saved.Problems);
        }

        var updated = (await administration.FindAsync(clientId, context.RequestAborted))!;
        context.Response.Headers.ETag = ApiVersions.OfContent(updated);
        return Results.Ok(updated);
    }

    private static async Task<IResult> RotateSecretAsync(string clientId, HttpContext context, ApplicationAdministration administration)
    {
        var rotated = await administration.RotateSecretAsync(clientId, ApiAccess.Caller(context), context.RequestAborted);
        if (!rotated.Succeeded)
        {
            return rotated.Problems.Any(problem => problem.Field == "clientId") ? ApiProblems.NotFound("application")
                : ApiProblems.Of(StatusCodes.Status409Conflict, "refused", string.Join(" ", rotated.Problems.Select(p => p.Problem)),
                    rotated.Problems);
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ApiAnswers.NewSecret(rotated.NewSecret!));
    }

    private static async Task<IResult> DeleteAsync(string clientId, HttpContext context, ApplicationAdministration administration)
    {
        if (await CheckVersionAsync(clientId, context, administration) is { } refusal)
        {
            return refusal;
        }

        return await administration.DeleteAsync(clientId, ApiAccess.Caller(context), context.RequestAborted)
            ? Results.NoContent()
            : ApiProblems.NotFound("application");
    }

    private static async Task<IResult?> CheckVersionAsync(string clientId, HttpContext context, ApplicationAdministration administration)
    {
        if (await administration.FindAsync(clientId, context.RequestAborted) is not { } current)
        {
            return ApiProblems.NotFound("application");
        }

        return ApiVersions.Refusal(context, ApiVersions.OfContent(current));
    }
}
