using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// RFC 9457 problem details with the product's stable codes: <c>type</c> is <c>urn:idp:problem:&lt;code&gt;</c> and
/// <c>code</c> repeats it, so a script can branch on it; field problems are listed in <c>errors</c> by field.
/// </summary>
internal static class ApiProblems
{
    public static IResult Of(int status, string code, string detail, IReadOnlyList<FieldProblem>? errors = null) =>
        Results.Problem(
            statusCode: status,
            title: code.Replace('-', ' '),
            detail: detail,
            type: "urn:idp:problem:" + code,
            extensions: errors is null
                ? new Dictionary<string, object?> { ["code"] = code }
                : new Dictionary<string, object?>
                {
                    ["code"] = code,
                    ["errors"] = errors.GroupBy(error => error.Field).ToDictionary(group => Camel(group.Key),
                        group => group.Select(error => error.Problem).ToArray()),
                });

    public static IResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not-found", $"There is no such {what}.");

    public static IResult Invalid(IReadOnlyList<FieldProblem> errors) =>
        Of(StatusCodes.Status400BadRequest, "validation-failed", "The request was refused; see errors.", errors);

    public static IResult PreconditionRequired() => Of(StatusCodes.Status428PreconditionRequired, "if-match-required",
        "Send If-Match with the resource's ETag, as read: a change must not overwrite one made meanwhile.");

    public static IResult Stale() => Of(StatusCodes.Status412PreconditionFailed, "stale-etag",
        "The resource changed since it was read (its ETag differs): read it again and repeat the change.");

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
