using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// An authorization request pushed beforehand (RFC 9126): its URL carries only <c>client_id</c> and <c>request_uri</c>,
/// so what the hosted pages show (language, login hint, scopes) and whether prompt=login is answered come from the
/// request OpenIddict resolved, never from parameters added to that URL.
/// </summary>
internal static class PushedRequest
{
    private const string UriPrefix = "urn:ietf:params:oauth:request_uri:";

    /// <summary>What the login and consent pages read from their return URL.</summary>
    public static readonly IReadOnlyList<string> PageParameters = [Parameters.UiLocales, Parameters.LoginHint, Parameters.Scope];

    public static bool IsPushed(HttpRequest request) =>
        AuthorizationRequestUrl.ParametersOf(request).Any(parameter => parameter.Key == Parameters.RequestUri);

    /// <summary>
    /// When the request was pushed: a sign-in after it answers its prompt=login, which cannot be dropped from a URL
    /// that does not carry it. Null when the request_uri names no request token (OpenIddict has then refused it).
    /// </summary>
    public static async Task<DateTimeOffset?> PushedAtAsync(OpenIddictRequest request, IOpenIddictTokenManager tokens,
        CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !uri.StartsWith(UriPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var token = await tokens.FindByReferenceIdAsync(uri[UriPrefix.Length..], cancellationToken);
        return token is null ? null : await tokens.GetCreationDateAsync(token, cancellationToken);
    }

    /// <summary>Whether a consent posted back was given for the scopes the request asks for, not others shown.</summary>
    public static bool ConsentCoversScopes(HttpRequest posted, OpenIddictRequest request) =>
        posted.Form[Parameters.Scope].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            .SetEquals(request.GetScopes());
}
