using IdpSmsReset.Core.Audit;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Server.Features.Shared.Audit;

/// <summary>
/// Where the current request came from, for the audit. The application is the OpenID request's client when an
/// endpoint handles one; on the sign-in pages it is read from the return address the request will go back to.
/// </summary>
public sealed class RequestAuditContext(IHttpContextAccessor http) : IAuditContext
{
    private const int MaxClientIdLength = 100;

    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgentFamily =>
        http.HttpContext is { } context ? Core.Audit.UserAgentFamily.Of(context.Request.Headers.UserAgent) : null;

    public string? ClientId
    {
        get
        {
            if (http.HttpContext is not { } context)
            {
                return null;
            }

            var clientId = context.GetOpenIddictServerRequest()?.ClientId
                ?? NonEmpty(context.Request.Query[OpenIddictConstants.Parameters.ClientId])
                ?? ClientOfReturnUrl(NonEmpty(context.Request.Query["ReturnUrl"]) ?? PostedReturnUrl(context));
            return clientId is { Length: > MaxClientIdLength } ? null : clientId;
        }
    }

    // Only a form already read by the page: reading it here would block on the body.
    private static string? PostedReturnUrl(HttpContext context) =>
        context.Features.Get<IFormFeature>() is { HasFormContentType: true } feature && feature.Form is { } form
            ? NonEmpty(form["ReturnUrl"])
            : null;

    private static string? ClientOfReturnUrl(string? returnUrl)
    {
        var query = returnUrl?.IndexOf('?') is >= 0 and var start ? returnUrl[start..] : null;
        return query is not null && QueryHelpers.ParseQuery(query).TryGetValue(OpenIddictConstants.Parameters.ClientId, out var clientId)
            ? NonEmpty(clientId)
            : null;
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value.ToString()) ? null : value.ToString();
}
