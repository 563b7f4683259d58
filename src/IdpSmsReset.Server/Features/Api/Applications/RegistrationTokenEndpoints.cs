using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Applications.Registration;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Applications;

/// <summary>
/// <c>/api/v1/registration-tokens</c>: the initial access tokens of dynamic client registration, as the dashboard's
/// Applications → Registration tokens page issues and revokes them (<see cref="InitialAccessTokens"/>, audited). A new
/// token is in the answer that issued it only; afterwards only what it is for and how it was used.
/// </summary>
internal static class RegistrationTokenEndpoints
{
    public const string Path = "/api/v1/registration-tokens";

    public sealed record RegistrationTokenInput(string? Description, int? LifetimeDays, bool OneTime);

    public sealed record RegistrationTokenResource(Guid Id, string Description, string CreatedBy, DateTime CreatedAt,
        DateTime ExpiresAt, bool OneTime, int Uses, DateTime? RevokedAt)
    {
        public static RegistrationTokenResource Of(InitialAccessToken token) => new(token.Id, token.Description, token.CreatedBy,
            token.CreatedAt, token.ExpiresAt, token.OneTime, token.Uses, token.RevokedAt);
    }

    public sealed record IssuedRegistrationToken(string Token, RegistrationTokenResource Issued);

    public static RouteGroupBuilder MapRegistrationTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tokens = endpoints.MapGroup(Path).WithTags("Applications");
        tokens.MapGet("", async (HttpContext context, InitialAccessTokens store) =>
            Results.Ok(new ApiAnswers.Page<RegistrationTokenResource>(
                [.. (await store.ListAsync(context.RequestAborted)).Select(RegistrationTokenResource.Of)], null)))
            .RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope).WithName("ListRegistrationTokens")
            .Produces<ApiAnswers.Page<RegistrationTokenResource>>();
        tokens.MapPost("", IssueAsync).RequireScope(ApplicationVocabulary.AdminScope).WithIdempotency().WithName("IssueRegistrationToken")
            .Produces<IssuedRegistrationToken>(StatusCodes.Status201Created);
        tokens.MapDelete("/{id:guid}", async (Guid id, HttpContext context, InitialAccessTokens store) =>
                await store.RevokeAsync(id, ApiAccess.Caller(context), context.RequestAborted) ? Results.NoContent()
                    : ApiProblems.NotFound("registration token that is not revoked already"))
            .RequireScope(ApplicationVocabulary.AdminScope).WithName("RevokeRegistrationToken").Produces(StatusCodes.Status204NoContent);
        return tokens;
    }

    private static async Task<IResult> IssueAsync([FromBody] RegistrationTokenInput input, HttpContext context, InitialAccessTokens store)
    {
        var (token, issued, problems) = await store.IssueAsync(input.Description, TimeSpan.FromDays(input.LifetimeDays ?? 7), input.OneTime,
            ApiAccess.Caller(context), context.RequestAborted);
        if (token is null || issued is null)
        {
            return ApiProblems.Invalid(problems);
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.Created($"{Path}/{issued.Id}", new IssuedRegistrationToken(token, RegistrationTokenResource.Of(issued)));
    }
}
