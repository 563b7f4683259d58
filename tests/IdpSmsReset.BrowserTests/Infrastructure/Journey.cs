using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// One person's browser for one journey (own cookies), and the pictures of it: every page reached is saved as
/// <c>TestResults/screenshots/&lt;journey&gt;/&lt;NN-step&gt;.png</c> under the test output folder.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshots;
    private int _step;

    private Journey(JourneyServers servers, IBrowserContext context, IPage page, string screenshots)
    {
        Servers = servers;
        _context = context;
        Page = page;
        _screenshots = screenshots;
    }

    public JourneyServers Servers { get; }

    public IPage Page { get; }

    public static string ScreenshotRoot => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<Journey> StartAsync(JourneyServers servers, string name, string locale = "en-US")
    {
        Chromium.SkipOrFailWhenMissing();
        var context = await servers.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale,
            ViewportSize = new() { Width = 1000, Height = 800 } });
        // Three journey classes run at once on two cores, each with its own server and chromium: generous, since a
        // timeout here fails the whole run.
        context.SetDefaultTimeout(30_000);
        var screenshots = Path.Combine(ScreenshotRoot, name);
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        Directory.CreateDirectory(screenshots);
        return new Journey(servers, context, await context.NewPageAsync(), screenshots);
    }

    /// <summary>Saves a picture of the page as it is now.</summary>
    public async Task ShotAsync(string step)
    {
        _step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"{_step:00}-{step}.png"),
            FullPage = true });
    }

    /// <summary>Waits until the address is <paramref name="path"/> on the identity provider, then takes its picture.</summary>
    public Task AtIdpAsync(string path, string step) =>
        AtAsync(new Regex("^" + Regex.Escape(Servers.IdpUrl + path) + @"(\?.*)?$"), step);

    /// <summary>Waits until the browser is back in the application, then takes its picture.</summary>
    public Task AtAppAsync(string step) => AtAsync(new Regex("^" + Regex.Escape(Servers.App.Url) + @"/(\?.*)?$"), step);

    private async Task AtAsync(Regex address, string step)
    {
        try
        {
            // The document parsed is enough to act on and to picture; the load event also waits for every image and
            // stylesheet, and once (a clean-clone run) did not come within the timeout although the page was there.
            await Page.WaitForURLAsync(address, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException) when (address.IsMatch(Page.Url))
        {
            // At the right address, its parsed-document event missed (a loaded CI machine, once): the next step's own
            // wait for what it acts on decides whether the page is really there.
        }
        catch (TimeoutException)
        {
            // The picture of where the person got stuck, and the address, say more than a timeout.
            await ShotAsync("unexpected-" + step);
            throw new TimeoutException($"Expected {address} for '{step}', but the browser is at {Page.Url}.");
        }

        await ShotAsync(step);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
