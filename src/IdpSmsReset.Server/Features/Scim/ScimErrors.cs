namespace IdpSmsReset.Server.Features.Scim;

/// <summary>RFC 7644 §3.12: errors as SCIM error messages, with <c>scimType</c> where the RFC names one.</summary>
internal static class ScimErrors
{
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static IResult Of(int status, string? scimType, string detail) => Results.Json(
        new Dictionary<string, object?>
        {
            ["schemas"] = new[] { ErrorSchema },
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scimType"] = scimType,
            ["detail"] = detail,
        }.Where(pair => pair.Value is not null).ToDictionary(), statusCode: status, contentType: ScimJson.ContentType);

    public static IResult NotFound(string id) => Of(404, null, $"There is no user '{id}'.");

    public static IResult InvalidValue(string detail) => Of(400, "invalidValue", detail);

    public static IResult InvalidFilter(string detail) => Of(400, "invalidFilter", detail);

    public static IResult InvalidSyntax(string detail) => Of(400, "invalidSyntax", detail);

    public static IResult Uniqueness(string detail) => Of(409, "uniqueness", detail);
}
