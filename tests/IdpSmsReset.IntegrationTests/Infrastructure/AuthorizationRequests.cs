using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Hand-built authorization requests (via the client library's URL builder) for the cases a client library refuses to
/// send.</summary>
public static class AuthorizationRequests
{
    public static string Url(
        string clientId,
        string? codeChallenge,
        string codeChallengeMethod = OidcConstants.CodeChallengeMethods.Sha256,
        string redirectUri = TestBootstrap.RedirectUri,
        string scope = "openid profile",
        string? prompt = null,
        string? loginHint = null,
        string? responseMode = null,
        int? maxAge = null,
        string? acrValues = null)
    {
        var extra = new Parameters();
        if (maxAge is { } seconds)
        {
            extra.Add(OidcConstants.AuthorizeRequest.MaxAge, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new RequestUrl(IdpFactory.Origin + "/connect/authorize").CreateAuthorizeUrl(
            clientId: clientId,
            responseType: OidcConstants.ResponseTypes.Code,
            scope: scope,
            redirectUri: redirectUri,
            state: "state-123",
            nonce: "nonce-456",
            loginHint: loginHint,
            prompt: prompt,
            responseMode: responseMode,
            codeChallenge: codeChallenge,
            codeChallengeMethod: codeChallenge is null ? null : codeChallengeMethod,
            acrValues: acrValues,
            extra: extra);
    }

    /// <summary>
    /// The ID token a public application gets for the code it was sent back with (<paramref name="back"/>); fails with
    /// the page or the token endpoint's error when there is none.
    /// </summary>
    public static async Task<Microsoft.IdentityModel.JsonWebTokens.JsonWebToken> IdTokenAsync(TestBrowser browser, BrowserPage back,
        string verifier, string clientId = TestBootstrap.SpaClientId)
    {
        Xunit.Assert.True(back.ExternalRedirect is not null, back.Html);
        var tokens = await browser.Client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, Code = ResponseParameters(back)["code"],
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });
        Xunit.Assert.False(tokens.IsError, tokens.Error);
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.IdentityToken);
    }

    /// <summary>A verifier and its S256 challenge, as RFC 7636 defines them.</summary>
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = CryptoRandom.CreateUniqueId(48);
        return (verifier,
            Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>Signs in at the login page when shown and returns the parameters the application receives.</summary>
    public static async Task<Dictionary<string, string>> SignInAsync(TestBrowser browser, string url, string userName)
    {
        var page = await browser.OpenAsync(url);
        if (page.Path == "/account/login")
        {
            page = await browser.SubmitAsync(page, new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = TestBootstrap.Password,
            });
        }

        return ResponseParameters(page);
    }

    /// <summary>A prompt=none request, as an application checks for a session without showing anything.</summary>
    public static async Task<Dictionary<string, string>> SilentAsync(TestBrowser browser, string clientId = TestBootstrap.WebClientId) =>
        ResponseParameters(await browser.OpenAsync(Url(clientId, NewPkce().Challenge, prompt: "none")));

    public static Dictionary<string, string> ResponseParameters(BrowserPage page)
    {
        var target = page.ExternalRedirect
            ?? throw new InvalidOperationException($"Not redirected to the application; at {page.Uri}: {page.Text}");
        return QueryHelpers.ParseQuery(target.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
    }
}
