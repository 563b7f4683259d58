using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// Before <c>/api/v1</c> and <c>/scim/v2</c> read a body: none larger than <c>Idp:Api:MaxRequestBodyBytes</c> (413, by
/// its declared length at once, else as it is read), and a body sent with an <c>Idempotency-Key</c> kept readable
/// again, for <see cref="ApiIdempotency"/> to hash after the endpoint bound it.
/// </summary>
internal sealed class ApiRequestLimits(RequestDelegate next, IOptions<IdpOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/scim"))
        {
            await next(context);
            return;
        }

        // An import is read as it arrives, so it may be far larger than any other request.
        var limit = context.Request.Path.Equals(Users.UserImportEndpoints.Path, StringComparison.Ordinal)
            ? options.Value.Api.MaxImportBodyBytes : options.Value.Api.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "request-too-large",
                $"The body is larger than the {limit} bytes this API reads (Idp:Api:MaxRequestBodyBytes, "
                + "or Idp:Api:MaxImportBodyBytes for an import).").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.Headers.ContainsKey(ApiIdempotency.Header))
        {
            context.Request.EnableBuffering();
        }

        await next(context);
    }
}
