using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// A request whose body cannot be read (broken multipart, more form fields or bigger values than allowed, a body
/// cut short), or whose parameters hold a NUL, is the client's fault: it gets a 400, never a 500. Machine endpoints
/// answer with RFC 6749's JSON <c>invalid_request</c>; pages get the themed error page through the status-code pages.
/// </summary>
internal static partial class MalformedRequestGuard
{
    public static IApplicationBuilder UseIdpMalformedRequestGuard(this IApplicationBuilder app, Func<PathString, bool> isMachineEndpoint) =>
        app.Use(async (context, next) =>
        {
            // No parameter of any page or endpoint means anything with a NUL in it, and PostgreSQL refuses one even in a
            // query's parameter: it would turn a client's garbage into a server error on whatever looks it up.
            if (await HasNulAsync(context.Request))
            {
                await RefuseAsync(context, isMachineEndpoint, "A parameter contains a NUL character.");
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (IsUnreadableBody(exception, clientGone: context.RequestAborted.IsCancellationRequested,
                hasBody: HasBody(context.Request)) && !context.Response.HasStarted)
            {
                BodyRefused(Logger(context), context.Request.Path, exception.GetType().Name);
                await RefuseAsync(context, isMachineEndpoint, "The request body could not be read.");
            }
        });

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.TransferEncoding);

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedRequestGuard).FullName!);

    // The exception's type only: its message quotes the value that could not be bound, which may be anything the
    // client sent (a code, a token, a flow's capability).
    [LoggerMessage(9003, LogLevel.Warning, "Request to {Path} refused (400): it could not be read ({ExceptionType})")]
    private static partial void BodyRefused(ILogger logger, string path, string exceptionType);

    private static async Task RefuseAsync(HttpContext context, Func<PathString, bool> isMachineEndpoint, string description)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (isMachineEndpoint(context.Request.Path))
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                [Parameters.Error] = Errors.InvalidRequest,
                [Parameters.ErrorDescription] = description,
            }));
        }
    }

    // The query, and a URL-encoded form (read once here; the endpoint reads the same parsed form). A form that cannot be
    // read is left to the endpoint, whose failure the guard turns into a 400 as before.
    private static async Task<bool> HasNulAsync(HttpRequest request)
    {
        if (request.Query.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true)))
        {
            return true;
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true));
        }
        catch (Exception exception) when (IsUnreadableBody(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// What reading a request body throws when the body is the problem: for this guard and for anything that reads the
    /// form before routing. With <paramref name="clientGone"/>, a broken stream is the client leaving, not a bad body.
    /// </summary>
    /// <param name="hasBody">Only a request that has a body can have an unreadable one: without one, an I/O error (a file a
    /// page reads, the process out of inotify instances or file handles) is the server's failure, for the error page and
    /// the log.</param>
    public static bool IsUnreadableBody(Exception exception, bool clientGone = false, bool hasBody = true) => exception switch
    {
        BadHttpRequestException or InvalidDataException or ValueProviderException => true,
        // A body that ends early or breaks mid-part; a client that went away is not answered at all.
        IOException => hasBody && !clientGone,
        _ => exception.InnerException is { } inner && IsUnreadableBody(inner, clientGone, hasBody),
    };
}
