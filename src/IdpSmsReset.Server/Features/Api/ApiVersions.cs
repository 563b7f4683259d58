using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// The API's optimistic concurrency: every resource has an <c>ETag</c>, and a change names the one it read in
/// <c>If-Match</c> (<c>*</c>: whatever it is now), so two scripts cannot overwrite each other unawares.
/// </summary>
internal static class ApiVersions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A version from the resource's content, for what keeps no version of its own.</summary>
    public static string OfContent(object resource) =>
        $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(resource, Json))))[..32]}\"";

    /// <summary>Why the change must not go ahead (428 without <c>If-Match</c>, 412 when it names another version), or null.</summary>
    public static IResult? Refusal(HttpContext context, string current)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        return ifMatch.Length == 0 ? ApiProblems.PreconditionRequired()
            : ifMatch != "*" && ifMatch != current ? ApiProblems.Stale()
            : null;
    }
}
