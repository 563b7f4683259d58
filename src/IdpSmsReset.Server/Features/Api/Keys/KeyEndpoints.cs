using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Keys;
using IdpSmsReset.Server.Keys;

namespace IdpSmsReset.Server.Features.Api.Keys;

/// <summary>
/// <c>/api/v1/keys</c>: the keys that sign and encrypt tokens (never their material), a rotation now, a revocation; the
/// dashboard's <see cref="TokenKeyCommands"/>. With certificate files (not <c>Idp:Keys:Source Database</c>) there is
/// nothing to manage here: 409 <c>keys-from-certificates</c>.
/// </summary>
internal static class KeyEndpoints
{
    public const string Path = "/api/v1/keys";

    public sealed record KeyResource(string KeyId, string Use, string Algorithm, DateTime CreatedAt, DateTime ActiveFrom,
        DateTime? RetiredAt, DateTime? RevokedAt);

    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup(Path).WithTags("Keys");
        keys.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope)
            .MapGet("", ListAsync).WithName("ListKeys").Produces<ApiAnswers.Listing<KeyResource>>();
        var write = keys.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        write.MapPost("/rotate", RotateAsync).WithName("RotateKeys").Produces(StatusCodes.Status204NoContent);
        write.MapPost("/{keyId}/revoke", RevokeAsync).WithName("RevokeKey").Produces(StatusCodes.Status204NoContent);
        return keys;
    }

    private static async Task<IResult> ListAsync(HttpContext context, TokenKeyRing ring, TokenKeyCommands commands) =>
        !commands.Available ? FromCertificates()
            : Results.Ok(new ApiAnswers.Listing<KeyResource>([.. (await ring.ListAsync(context.RequestAborted)).Select(key =>
                new KeyResource(key.KeyId, key.Use, key.Algorithm, key.CreatedAt, key.ActiveFrom, key.RetiredAt, key.RevokedAt))]));

    private static async Task<IResult> RotateAsync(HttpContext context, TokenKeyCommands commands)
    {
        if (!commands.Available)
        {
            return FromCertificates();
        }

        await commands.RotateAsync(ApiAccess.Caller(context), context.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> RevokeAsync(string keyId, HttpContext context, TokenKeyCommands commands) =>
        !commands.Available ? FromCertificates()
            : await commands.RevokeAsync(keyId, ApiAccess.Caller(context), context.RequestAborted) ? Results.NoContent()
            : ApiProblems.NotFound("published key");

    private static IResult FromCertificates() => ApiProblems.Of(StatusCodes.Status409Conflict, "keys-from-certificates",
        "The keys come from certificate files (Idp:Certificates): rotate them by replacing the files.");
}
