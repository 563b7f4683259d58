using Microsoft.AspNetCore;
using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Error;

/// <summary>
/// Explains, in words, an OAuth error that could not be sent back to the application (unknown client, unregistered
/// redirect URI), an HTTP status, or an unexpected failure (with a reference for support, never the exception).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string ExpiredFormPath = "/error?reason=expired-form";

    private static readonly Dictionary<string, string> OAuthExplanations = new()
    {
        [Errors.InvalidRequest] = "The application sent a sign-in request this server cannot accept.",
        [Errors.InvalidClient] = "The application is not registered with this server.",
        [Errors.UnauthorizedClient] = "The application is not allowed to sign you in this way.",
        [Errors.InvalidScope] = "The application asked for access that is not available.",
        [Errors.UnsupportedResponseType] = "The application asked for a kind of response this server does not give.",
        [Errors.AccessDenied] = "Access was denied.",
        [Errors.ServerError] = "The server could not complete the request.",
    };

    public string Heading { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The request could not be completed.";

    public string? OAuthError { get; private set; }

    public string? OAuthErrorDescription { get; private set; }

    public string? Reference { get; private set; }

    public void OnGet(int? code, string? reason) => Describe(code, reason);

    public void OnPost(int? code, string? reason) => Describe(code, reason);

    private void Describe(int? code, string? reason)
    {
        DescribeInEnglish(code, reason);
        Heading = localizer[Heading];
        Explanation = localizer[Explanation];
    }

    // The English sentences are the resource keys; the OAuth error and its description stay ASCII English (RFC 6749).
    private void DescribeInEnglish(int? code, string? reason)
    {
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } error } response)
        {
            Heading = "This sign-in request cannot continue";
            Explanation = OAuthExplanations.GetValueOrDefault(error, "The application sent a request this server cannot accept.");
            OAuthError = error;
            OAuthErrorDescription = response.ErrorDescription;
            return;
        }

        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            Explanation = "An unexpected error occurred. Try again; if it happens again, give this reference to support.";
            return;
        }

        if (reason == "expired-form")
        {
            Heading = "This form has expired";
            Explanation = "For your security, the form could not be accepted. Go back, reload the page and try again.";
            return;
        }

        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address."),
            403 => ("Access denied", "You are not allowed to see this page."),
            400 => ("Bad request", "The request was not valid."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            _ => (Heading, Explanation),
        };
    }
}
