using System.Text.Json;
using System.Text.Json.Serialization;
using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdpSmsReset.Server.Features.Connect.Registration;

/// <summary>
/// Dynamic client registration over HTTP: <c>POST /connect/register</c> (RFC 7591) and the registered application's
/// own configuration at <c>/connect/register/{client_id}</c> (RFC 7592: GET, PUT, DELETE with its registration access
/// token). Binding and the answer's shape only; <see cref="ClientRegistrations"/> decides. Off (404) unless
/// <c>Idp:DynamicClientRegistration:Mode</c> says otherwise.
/// </summary>
internal static class RegistrationEndpoints
{
    public const string Path = "/connect/register";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, RegisterAsync);
        endpoints.MapGet(Path + "/{clientId}", ReadAsync);
        endpoints.MapPut(Path + "/{clientId}", UpdateAsync);
        endpoints.MapDelete(Path + "/{clientId}", DeleteAsync);
        return endpoints;
    }

    /// <summary>Where a registered application reads and changes its registration.</summary>
    public static string ConfigurationUri(IdpOptions idp, string clientId) =>
        $"{idp.IssuerBase}{Path}/{Uri.EscapeDataString(clientId)}";

    private static async Task<IResult> RegisterAsync(HttpContext context, ClientRegistrations registrations, IOptions<IdpOptions> idp)
    {
        if (await ReadMetadataAsync(context) is not { } metadata)
        {
            return Malformed();
        }

        return Answer(await registrations.RegisterAsync(metadata, BearerToken(context), context.Connection.RemoteIpAddress?.ToString(),
            clientId => ConfigurationUri(idp.Value, clientId), context.RequestAborted));
    }

    private static async Task<IResult> ReadAsync(string clientId, HttpContext context, ClientRegistrations registrations,
        IOptions<IdpOptions> idp) =>
        Answer(await registrations.ReadAsync(clientId, BearerToken(context), ConfigurationUri(idp.Value, clientId),
            context.RequestAborted));

    private static async Task<IResult> UpdateAsync(string clientId, HttpContext context, ClientRegistrations registrations,
        IOptions<IdpOptions> idp)
    {
        if (await ReadMetadataAsync(context) is not { } metadata)
        {
            return Malformed();
        }

        return Answer(await registrations.UpdateAsync(clientId, BearerToken(context), metadata, ConfigurationUri(idp.Value, clientId),
            context.RequestAborted));
    }

    private static async Task<IResult> DeleteAsync(string clientId, HttpContext context, ClientRegistrations registrations) =>
        Answer(await registrations.DeleteAsync(clientId, BearerToken(context), context.RequestAborted));

    private static async Task<ClientMetadata?> ReadMetadataAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<ClientMetadata>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static IResult Malformed() => Refusal(400, new RegistrationRefusal(RegistrationErrors.InvalidClientMetadata,
        "The body must be a JSON object of client metadata (RFC 7591), sent as application/json."));

    private static IResult Answer(RegistrationOutcome outcome) => outcome switch
    {
        { Status: 404 } => Results.NotFound(),
        { Status: 204 } => Results.NoContent(),
        { Refusal: { } refusal } => Refusal(outcome.Status, refusal),
        _ => NoStore(Results.Json(outcome.Metadata, Json, statusCode: outcome.Status)),
    };

    private static IResult Refusal(int status, RegistrationRefusal refusal)
    {
        var body = Results.Json(new { error = refusal.Error, error_description = refusal.Description }, statusCode: status);
        return status == 401 ? new WithHeader(body, HeaderNames.WWWAuthenticate, $"Bearer error=\"{refusal.Error}\"") : NoStore(body);
    }

    // The answers hold secrets (a client secret, the registration access token): never cached (RFC 7591 §3.2.1).
    private static IResult NoStore(IResult result) => new WithHeader(result, HeaderNames.CacheControl, "no-store");

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
