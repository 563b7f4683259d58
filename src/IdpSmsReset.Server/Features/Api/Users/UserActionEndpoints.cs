using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>
/// The dashboard's actions on one user, over HTTP: unlock, reset the second factors, remove the passkeys, lift a suspended
/// SMS reset, a temporary password (a generated one is in this answer only), the required actions, and the sessions
/// (listed, ended). Each through
/// <see cref="UserAdministration"/>, audited with the application as the actor.
/// </summary>
internal static class UserActionEndpoints
{
    public static RouteGroupBuilder MapUserActionEndpoints(this RouteGroupBuilder users)
    {
        var read = users.MapGroup("/{id}").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = users.MapGroup("/{id}").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("/sessions", ListSessionsAsync).WithName("ListUserSessions").Produces<ApiAnswers.Listing<SessionResource>>();
        write.MapDelete("/sessions", (string id, HttpContext context, UserAdministration administration) =>
            ActAsync(id, context, administration, administration.EndSessionsAsync)).WithName("EndUserSessions")
                .Produces(StatusCodes.Status204NoContent);
        write.MapPost("/unlock", (string id, HttpContext context, UserAdministration administration) =>
            ActAsync(id, context, administration, administration.UnlockAsync)).WithName("UnlockUser")
                .Produces(StatusCodes.Status204NoContent);
        write.MapPost("/reset-second-factors", (string id, HttpContext context, UserAdministration administration) =>
            ActAsync(id, context, administration, administration.RemoveSecondFactorsAsync)).WithName("ResetUserSecondFactors")
                .Produces(StatusCodes.Status204NoContent);
        write.MapPost("/remove-passkeys", (string id, HttpContext context, UserAdministration administration) =>
            ActAsync(id, context, administration, administration.RemovePasskeysAsync)).WithName("RemoveUserPasskeys")
                .Produces(StatusCodes.Status204NoContent);
        write.MapPost("/lift-reset-suspension", LiftResetSuspensionAsync).WithName("LiftUserResetSuspension")
            .Produces(StatusCodes.Status204NoContent);
        write.MapPost("/temporary-password", SetTemporaryPasswordAsync).WithName("SetTemporaryPassword")
            .Produces<ApiAnswers.TemporaryPassword>();
        write.MapPut("/required-actions", SetRequiredActionsAsync).WithName("SetRequiredActions")
            .Produces<ApiAnswers.RequiredActionsAnswer>();
        return users;
    }

    /// <summary>A password the user must replace at the next sign-in; without one in the body, one is generated.</summary>
    public sealed record TemporaryPasswordInput(string? Password);

    public sealed record RequiredActionsInput(List<string>? RequiredActions);

    public sealed record SessionResource(Guid Id, DateTime StartedAt, DateTime LastSeenAt, string Methods, string? UserAgent,
        string? IpAddress);

    private static async Task<IResult> ListSessionsAsync(string id, HttpContext context, UserAdministration administration,
        UserSessionService sessions)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        var active = await sessions.ListActiveAsync(user.Id, context.RequestAborted);
        return Results.Ok(new ApiAnswers.Listing<SessionResource>([.. active.Select(session => new SessionResource(session.Id,
            session.CreatedAt, session.LastSeenAt, session.Methods, session.UserAgent, session.IpAddress))]));
    }

    private static async Task<IResult> ActAsync(string id, HttpContext context, UserAdministration administration,
        Func<ApplicationUser, Administrator, CancellationToken, Task> action)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        await action(user, ApiAccess.Caller(context), context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>SMS reset possible again after too many wrong codes; a user whose reset was not suspended is a conflict.</summary>
    private static async Task<IResult> LiftResetSuspensionAsync(string id, HttpContext context, UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        return await administration.LiftResetSuspensionAsync(user, ApiAccess.Caller(context), context.RequestAborted)
            ? Results.NoContent()
            : ApiProblems.Of(StatusCodes.Status409Conflict, "not-suspended", "SMS reset of this user was not suspended.");
    }

    private static async Task<IResult> SetTemporaryPasswordAsync(string id, TemporaryPasswordInput? input, HttpContext context,
        UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        var (result, generated) = await administration.SetTemporaryPasswordAsync(user, input?.Password, ApiAccess.Caller(context),
            context.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(result.Problems);
        }

        // Handed over once: nowhere else is it written down.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new ApiAnswers.TemporaryPassword(generated, Core.SignIn.RequiredActions.Of(user)));
    }

    private static async Task<IResult> SetRequiredActionsAsync(string id, RequiredActionsInput input, HttpContext context,
        UserAdministration administration)
    {
        if (await administration.FindAsync(id, context.RequestAborted) is not { } user)
        {
            return ApiProblems.NotFound("user");
        }

        var result = await administration.SetRequiredActionsAsync(user, input.RequiredActions ?? [], ApiAccess.Caller(context),
            context.RequestAborted);
        return result.Succeeded
            ? Results.Ok(new ApiAnswers.RequiredActionsAnswer(Core.SignIn.RequiredActions.Of(user)))
            : ApiProblems.Invalid(result.Problems);
    }
}
