using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace IdpSmsReset.Server.Localization;

/// <summary>
/// The OpenID Connect <c>ui_locales</c> of the authorization request a page serves (in its <c>ReturnUrl</c>): the
/// relying application's choice comes before the browser's.
/// </summary>
public sealed class UiLocalesRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        // The consent page carries the authorization request itself; the other pages carry it in their ReturnUrl.
        string? locales = httpContext.Request.Query["ui_locales"];
        if (string.IsNullOrWhiteSpace(locales))
        {
            string? returnUrl = httpContext.Request.Query["ReturnUrl"];
            var query = returnUrl is { } url && url.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? url[at..] : null;
            locales = query is null ? null : QueryHelpers.ParseQuery(query).GetValueOrDefault("ui_locales").ToString();
        }

        return Task.FromResult(string.IsNullOrWhiteSpace(locales)
            ? null
            : new ProviderCultureResult(locales.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(locale => new Microsoft.Extensions.Primitives.StringSegment(locale)).ToList()));
    }
}
