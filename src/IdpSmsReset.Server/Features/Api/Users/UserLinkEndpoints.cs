using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>
/// A user's links to outside identity providers (<c>/api/v1/users/{id}/links</c>): listed, and removed as on the
/// dashboard (<see cref="FederatedLinks"/>: the last way to sign in stays, the user's sessions end).
/// </summary>
internal static class UserLinkEndpoints
{
    public static RouteGroupBuilder MapUserLinkEndpoints(this RouteGroupBuilder users)
    {
        users.MapGroup("/{id}").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope)
            .MapGet("/links", ListAsync).WithName("ListUserLinks").Produces<ApiAnswers.Listing<LinkResource>>();
        users.MapGroup("/{id}").RequireScope(ApplicationVocabulary.AdminScope)
            .MapDelete("/links/{provider}", RemoveAsync).WithName("RemoveUserLink").Produces(StatusCodes.Status204NoContent);
        return users;
    }

    /// <param name="Provider">The identity provider's name.</param>
    /// <param name="Subject">Who the person is there (its <c>sub</c>).</param>
    public sealed record LinkResource(string Provider, string Subject, string? DisplayName);

    private static async Task<IResult> ListAsync(string id, HttpContext context, UserAdministration administration, FederatedLinks links)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        return Results.Ok(new ApiAnswers.Listing<LinkResource>([.. (await links.ListAsync(user)).Select(link
            => new LinkResource(link.LoginProvider, link.ProviderKey, link.ProviderDisplayName))]));
    }

    private static async Task<IResult> RemoveAsync(string id, string provider, HttpContext context, UserAdministration administration,
        FederatedLinks links)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user
            || (await links.ListAsync(user)).All(link => link.LoginProvider != provider))
        {
            return ApiProblems.NotFound("link");
        }

        return await links.RemoveAsync(user, provider, null, context.RequestAborted, ApiAccess.Caller(context)) is { } refusal
            ? ApiProblems.Of(StatusCodes.Status409Conflict, "last-way-to-sign-in", refusal)
            : Results.NoContent();
    }
}
