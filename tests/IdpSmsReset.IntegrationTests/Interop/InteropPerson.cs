using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>
/// The person at the browser while a client library under node drives a flow: opens what the library asks, signs in,
/// allows the application (consent, a device), and tells the library where the browser ended.
/// </summary>
public sealed class InteropPerson(TestBrowser browser, string userName, string password)
{
    /// <summary>The pages seen on the way, by path: what the person was asked.</summary>
    public List<string> PagesSeen { get; } = [];

    /// <summary>Goes through the server's pages from <paramref name="url"/> to the application; returns its address.</summary>
    public async Task<string> BrowseAsync(string url)
    {
        var page = await browser.OpenAsync(url);
        for (var step = 0; step < 8; step++)
        {
            if (page.ExternalRedirect is { } application)
            {
                return application.ToString();
            }

            PagesSeen.Add(page.Path);
            page = await NextAsync(page);
        }

        throw new InvalidOperationException($"Still on the server after 8 pages, at {page.Uri}: {page.Text}");
    }

    /// <summary>Approves a device's code from its link; returns the page that says it is done.</summary>
    public async Task<string> ApproveDeviceAsync(string verificationUri)
    {
        var page = await browser.OpenAsync(verificationUri);
        for (var step = 0; step < 8 && page.Path != "/connect/verify/approved"; step++)
        {
            PagesSeen.Add(page.Path);
            page = await NextAsync(page);
        }

        return page.Path;
    }

    private Task<BrowserPage> NextAsync(BrowserPage page) => page switch
    {
        { Path: "/account/login" } => browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password,
        }),
        _ when page.Document.QuerySelector("button[value=accept]") is not null =>
            browser.SubmitAsync(page, button: "button[value=accept]"),
        _ when page.Document.QuerySelector("button[value=approve]") is not null =>
            browser.SubmitAsync(page, button: "button[value=approve]"),
        { Path: "/connect/verify" } => browser.SubmitAsync(page),
        _ => throw new InvalidOperationException($"The person does not know what to do on {page.Uri} ({page.Status}): {page.Text}"),
    };
}
