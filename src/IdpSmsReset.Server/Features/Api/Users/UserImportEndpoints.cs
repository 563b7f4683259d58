using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Users.Import;
using Microsoft.Net.Http.Headers;

namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>
/// <c>POST /api/v1/users:import</c>: users moved in from another system through Core's <see cref="UserImport"/>, the same
/// owner as the command line's <c>import</c>. The body is read as it arrives: JSON lines (<c>application/x-ndjson</c> or
/// <c>application/jsonl</c>) or a Keycloak realm export (<c>application/json</c>), up to
/// <c>Idp:Api:MaxImportBodyBytes</c>. The answer is the report; a line refused is in it, not an error of the request.
/// </summary>
internal static class UserImportEndpoints
{
    public const string Path = "/api/v1/users:import";

    public static IEndpointRouteBuilder MapUserImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No Accepts metadata: routing would answer another media type with a bare 415; the handler says what it reads.
        endpoints.MapPost(Path, ImportAsync).RequireScope(ApplicationVocabulary.AdminScope).WithTags("Users").WithName("ImportUsers")
            .Produces<UserImportReport>();
        return endpoints;
    }

    /// <summary>
    /// <paramref name="dryRun"/> checks every line, against the database too, and writes nothing; <paramref name="update"/>
    /// updates the profile of users whose name exists; <paramref name="allowWeakHashes"/> takes hashes under the safe
    /// bounds, their users then asked for a new password at the first sign-in.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext context, UserImport import, bool? dryRun, bool? update,
        bool? allowWeakHashes)
    {
        var body = context.Request.Body;
        var lines = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ? type.MediaType.Value switch
        {
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" =>
                JsonLinesUsers.ReadAsync(body, context.RequestAborted),
            "application/json" => KeycloakRealmUsers.ReadAsync(body, context.RequestAborted),
            _ => null,
        } : null;
        if (lines is null)
        {
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Send JSON lines (application/x-ndjson or application/jsonl), or a Keycloak realm export (application/json).");
        }

        var options = new UserImportOptions(dryRun ?? false, update ?? false, allowWeakHashes ?? false);
        return Results.Ok(await import.ImportAsync(lines, options, ApiAccess.Caller(context), null, context.RequestAborted));
    }
}
