using Duende.IdentityModel.OidcClient.Browser;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// A person at the browser for the OIDC client library: signs in with the given credentials on the login page and
/// answers the consent page, until the server sends the browser back to the application.
/// </summary>
/// <param name="otherPage">Answers any other page (a second factor, say); without it such a page fails the sign-in.</param>
public sealed class UserAgent(
    TestBrowser browser, string userName, string password, bool allowConsent = true, Func<BrowserPage,
        Task<BrowserPage>>? otherPage = null) : IBrowser
{
    public List<string> PagesSeen { get; } = [];

    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        var page = await browser.OpenAsync(options.StartUrl);
        for (var step = 0; step < 5 && page.ExternalRedirect is null; step++)
        {
            PagesSeen.Add(page.Path);
            page = page.Path switch
            {
                "/account/login" => await browser.SubmitAsync(page, new Dictionary<string, string>
                {
                    ["Input.UserName"] = userName,
                    ["Input.Password"] = password,
                }),
                "/connect/consent" => await browser.SubmitAsync(page, button: allowConsent ? "button[value=accept]" : "button[value=deny]"),
                _ when otherPage is not null => await otherPage(page),
                _ => throw new InvalidOperationException($"Unexpected page {page.Uri} ({page.Status}): {page.Text}"),
            };
        }

        if (page.ExternalRedirect is null || !page.ExternalRedirect.ToString().StartsWith(options.EndUrl, StringComparison.Ordinal))
        {
            return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = $"Ended at {page.Uri}: {page.Text}" };
        }

        return new BrowserResult { ResultType = BrowserResultType.Success, Response = page.ExternalRedirect.ToString() };
    }
}
