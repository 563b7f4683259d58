using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdpSmsReset.Core.Idempotency;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the creates (draft-ietf-httpapi-idempotency-key-header): a script that lost the answer
/// repeats the request with the same key and gets the same answer (<c>Idempotent-Replayed: true</c>) instead of a second
/// resource; the same key with another body is refused (422), and one still running answers 409 with
/// <c>Retry-After</c>. A refused create keeps nothing, so it may be repeated with its key once corrected.
/// </summary>
internal static class ApiIdempotency
{
    public const string Header = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Marks an idempotent create, for its description.</summary>
    public sealed class Marker;

    private sealed record Answer(int Status, string? ContentType, string? Location, string? ETag, string? CacheControl, string Body);

    /// <summary>Makes the endpoint's creates idempotent under a key; runs after the access filter (the caller is known).</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Marker()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (key.Length == 0)
            {
                return await next(context);
            }

            if (key.Length > IdempotencyKeys.MaxKeyLength || key.Any(char.IsControl))
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-idempotency-key",
                    $"An Idempotency-Key is 1 to {IdempotencyKeys.MaxKeyLength} printable characters.");
            }

            var keys = http.RequestServices.GetRequiredService<IdempotencyKeys>();
            var caller = ApiAccess.Caller(http).Name;
            var claim = await keys.ClaimAsync(caller, key, await RequestHashAsync(http.Request), http.RequestAborted);
            switch (claim.Result)
            {
                case IdempotencyClaim.Outcome.Running:
                    http.Response.Headers.RetryAfter = "1";
                    return ApiProblems.Of(StatusCodes.Status409Conflict, "idempotency-in-progress",
                        "A request with this Idempotency-Key is still being answered: repeat it in a moment.");
                case IdempotencyClaim.Outcome.Reused:
                    return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                        "This Idempotency-Key was used for another request: use a new key for a new request.");
                case IdempotencyClaim.Outcome.Replayed:
                    return Replay(JsonSerializer.Deserialize<Answer>(claim.Answer!, Json)!);
            }

            try
            {
                var answer = await RecordAsync(http, await next(context));
                if (answer.Status is >= 200 and < 300)
                {
                    await keys.CompleteAsync(caller, key, answer.Status, JsonSerializer.Serialize(answer, Json), CancellationToken.None);
                }
                else
                {
                    await keys.ReleaseAsync(caller, key, CancellationToken.None);
                }

                return Replay(answer, replayed: false);
            }
            catch
            {
                await keys.ReleaseAsync(caller, key, CancellationToken.None);
                throw;
            }
        });

    // The method, the path and the body as sent (buffered by ApiRequestLimits, so it is read again here).
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            // An endpoint that reads the body itself (SCIM's) reads it after this.
            request.Body.Position = 0;
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // The endpoint's answer, written to memory instead of the client, to be kept and then sent.
    private static async Task<Answer> RecordAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            if (result is IResult written)
            {
                await written.ExecuteAsync(http);
            }
            else if (result is not null)
            {
                await Results.Ok(result).ExecuteAsync(http);
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        var headers = http.Response.Headers;
        return new Answer(http.Response.StatusCode, http.Response.ContentType, headers.Location.ToString() is { Length: > 0 } location
                ? location : null, headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            headers.CacheControl.ToString() is { Length: > 0 } cache ? cache : null, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static IResult Replay(Answer answer, bool replayed = true) => new ReplayedResult(answer, replayed);

    private sealed class ReplayedResult(Answer answer, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            if (answer.Location is not null)
            {
                response.Headers.Location = answer.Location;
            }

            if (answer.ETag is not null)
            {
                response.Headers.ETag = answer.ETag;
            }

            if (answer.CacheControl is not null)
            {
                response.Headers.CacheControl = answer.CacheControl;
            }

            if (replayed)
            {
                response.Headers["Idempotent-Replayed"] = "true";
            }

            await response.WriteAsync(answer.Body, httpContext.RequestAborted);
        }
    }
}
