using IdpSmsReset.Core.Problems;
using static IdpSmsReset.Core.Applications.ApplicationVocabulary;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// What an OIDC application must satisfy, the same for the bootstrap file and the dashboard. Problems name the field
/// (camelCase, as in the bootstrap file) and say what to change.
/// </summary>
public static class ApplicationRules
{
    /// <param name="requireSecret">Whether a confidential application must come with its secret (not when one is stored already).</param>
    public static IReadOnlyList<FieldProblem> Validate(ApplicationDefinition application, bool requireSecret)
    {
        var problems = new List<FieldProblem>();
        void Fail(string field, string problem) => problems.Add(new(field, problem));

        foreach (var (field, text) in new[] { ("clientId", application.ClientId), ("displayName", application.DisplayName) }
                     .Where(typed => TextRules.HasControlCharacters(typed.Item2)))
        {
            Fail(field, TextRules.ControlCharacters);
        }

        if (!ApplicationTypes.Contains(application.Type))
        {
            Fail("type", $"must be one of {Quote(ApplicationTypes)}.");
        }
        else if (application.Type == Confidential && requireSecret && string.IsNullOrEmpty(application.ClientSecret)
            && string.IsNullOrWhiteSpace(application.JsonWebKeySet))
        {
            Fail("clientSecret", "is required for a confidential application (or a jsonWebKeySet, for private_key_jwt).");
        }
        else if (!string.IsNullOrEmpty(application.ClientSecret) && !string.IsNullOrWhiteSpace(application.JsonWebKeySet))
        {
            Fail("jsonWebKeySet", "replaces the secret: give one or the other, so there is one way to authenticate.");
        }
        else if (application.Type == Public && !string.IsNullOrEmpty(application.ClientSecret))
        {
            Fail("clientSecret", "must be absent for a public application: it could not keep it secret.");
        }

        if (application.Consent is not null && !ConsentTypes.Contains(application.Consent))
        {
            Fail("consent", $"must be one of {Quote(ConsentTypes)}.");
        }

        if (application.GrantTypes.Count == 0)
        {
            Fail("grantTypes", $"must list at least one of {Quote(GrantTypes)}.");
        }

        for (var grant = 0; grant < application.GrantTypes.Count; grant++)
        {
            var grantType = application.GrantTypes[grant];
            if (!GrantTypes.Contains(grantType))
            {
                Fail($"grantTypes[{grant}]",
                    $"'{grantType}' is not offered; use one of {Quote(GrantTypes)} (no password grant, no implicit flow).");
            }
        }

        if (application.Type == Public && application.GrantTypes.Contains(ClientCredentials))
        {
            Fail("grantTypes", "client_credentials needs a confidential application.");
        }

        if (application.Type == Public && application.GrantTypes.Contains(TokenExchange))
        {
            Fail("grantTypes", "token exchange needs a confidential application: it acts for users it did not sign in.");
        }

        if (application.GrantTypes.Contains(AuthorizationCode) && application.RedirectUris.Count == 0)
        {
            Fail("redirectUris", "must list at least one URI for the authorization_code grant.");
        }

        if (application.BackchannelLogoutUri is { } logoutUri && BackchannelLogoutUriProblem(logoutUri) is { } logoutProblem)
        {
            Fail("backchannelLogoutUri", logoutProblem);
        }

        foreach (var lifetime in TokenLifetimes.All)
        {
            if (lifetime.ProblemOf(application) is { } lifetimeProblem)
            {
                Fail(lifetime.Field, lifetimeProblem);
            }
        }

        if (application.RequirePushedAuthorizationRequests && !application.GrantTypes.Contains(AuthorizationCode))
        {
            Fail("requirePushedAuthorizationRequests", "needs the authorization_code grant: only authorization requests are pushed.");
        }

        if (!string.IsNullOrWhiteSpace(application.JsonWebKeySet))
        {
            if (application.Type != Confidential)
            {
                Fail("jsonWebKeySet", "needs a confidential application: a public one does not authenticate.");
            }
            else if (ClientKeys.ProblemOf(application.JsonWebKeySet) is { } keysProblem)
            {
                Fail("jsonWebKeySet", keysProblem);
            }
        }

        if (application.TokenExchangeAudiences.Count > 0 && !application.GrantTypes.Contains(TokenExchange))
        {
            Fail("tokenExchangeAudiences", $"needs the '{TokenExchange}' grant.");
        }

        for (var audience = 0; audience < application.TokenExchangeAudiences.Count; audience++)
        {
            if (string.IsNullOrWhiteSpace(application.TokenExchangeAudiences[audience])
                || application.TokenExchangeAudiences[audience].Any(char.IsWhiteSpace))
            {
                Fail($"tokenExchangeAudiences[{audience}]", "must be a name without spaces (the audience a service gives).");
            }
        }

        if (application.GrantTypes.Contains(TokenExchange) && application.TokenExchangeAudiences.Count == 0)
        {
            Fail("tokenExchangeAudiences", "must list at least one audience for the token exchange grant.");
        }

        if (application.RefreshTokenExpiry is not null && !RefreshTokenExpiries.Contains(application.RefreshTokenExpiry))
        {
            Fail("refreshTokenExpiry", $"must be one of {Quote(RefreshTokenExpiries)}.");
        }

        ValidateUris(application.RedirectUris, "redirectUris", Fail);
        ValidateUris(application.PostLogoutRedirectUris, "postLogoutRedirectUris", Fail);

        for (var scope = 0; scope < application.Scopes.Count; scope++)
        {
            if (!Scopes.Contains(application.Scopes[scope]))
            {
                Fail($"scopes[{scope}]", $"'{application.Scopes[scope]}' is unknown; use {Quote(Scopes)}.");
            }
        }

        return problems;
    }

    // The server posts the user's sign-out there: only over TLS, but for an application on this very machine.
    private static string? BackchannelLogoutUriProblem(string value) =>
        !Uri.TryCreate(value, UriKind.Absolute, out var uri) ? $"'{value}' is not an absolute URI."
        : !string.IsNullOrEmpty(uri.Fragment) ? $"'{value}' must not contain a fragment (#...)."
        : uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? $"'{value}' must be an https URI (http only to a loopback address, for development)."
        : null;

    private static void ValidateUris(List<string> uris, string field, Action<string, string> fail)
    {
        for (var index = 0; index < uris.Count; index++)
        {
            if (!Uri.TryCreate(uris[index], UriKind.Absolute, out var uri))
            {
                fail($"{field}[{index}]", $"'{uris[index]}' is not an absolute URI.");
            }
            else if (!string.IsNullOrEmpty(uri.Fragment))
            {
                fail($"{field}[{index}]", $"'{uris[index]}' must not contain a fragment (#...).");
            }
        }
    }
}
