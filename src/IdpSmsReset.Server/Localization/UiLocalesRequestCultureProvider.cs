using IdpSmsReset.Server.Features.Connect;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Server.Localization;

/// <summary>
/// The OpenID Connect <c>ui_locales</c> of the authorization request a page serves
/// (<see cref="AuthorizationRequestUrl.ParameterForPageAsync"/>): the relying application's choice comes before the browser's.
/// </summary>
public sealed class UiLocalesRequestCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var locales = await AuthorizationRequestUrl.ParameterForPageAsync(httpContext.Request, OpenIddictConstants.Parameters.UiLocales);
        return string.IsNullOrWhiteSpace(locales)
            ? null
            : new ProviderCultureResult(locales.Split(' ',
                StringSplitOptions.RemoveEmptyEntries).Select(locale => new StringSegment(locale)).ToList());
    }
}
