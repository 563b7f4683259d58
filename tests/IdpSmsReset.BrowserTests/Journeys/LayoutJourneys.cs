using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>
/// Every dashboard and account page, at a desktop's width and a phone's (390 px), pictured; none may be wider than the
/// screen: a page that scrolls sideways on a phone hides its right-hand half.
/// </summary>
public sealed class LayoutJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    private static readonly string[] Pages =
    [
        "/admin", "/admin/policies", "/admin/policies/edit?name=" + JourneyBootstrap.ResetPolicyName, "/admin/factors",
        "/admin/factors/fraud-guard", "/admin/users", "/admin/applications", "/admin/applications/registration-tokens",
        "/admin/identity-providers", "/admin/identity-providers/edit", "/admin/webhooks", "/admin/webhooks/edit", "/admin/keys",
        "/admin/messages", "/admin/messages/templates", "/admin/messages/countries", "/admin/audit",
        "/account/manage", "/account/manage/password", "/account/manage/phone", "/account/manage/authenticator",
        "/account/manage/passkeys", "/account/manage/linked",
    ];

    [SkippableFact]
    public async Task DashboardAndAccountPages_AtDesktopAndPhoneWidths_NoneWiderThanTheScreen()
    {
        // Something in the SMS log, the audit log and the charts: an empty table cannot overflow.
        await using (var user = await Journey.StartAsync(servers, "layout-activity"))
        {
            await user.OpenAppAndSignInAsync();
            await user.StartResetAsync("rita");
        }

        await using var journey = await Journey.StartAsync(servers, "layout");
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/admin");
        await journey.AtIdpAsync("/account/login", "sign-in");
        await journey.TypePasswordAsync(JourneyBootstrap.AdminUserName);
        await journey.AtIdpAsync("/admin", "overview");
        var userEdit = await FirstLinkAsync(journey, "/admin/users", "/admin/users/edit");
        var applicationEdit = await FirstLinkAsync(journey, "/admin/applications", "/admin/applications/edit");

        var tooWide = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await journey.Page.SetViewportSizeAsync(width, 844);
            foreach (var path in Pages.Append(userEdit).Append(applicationEdit))
            {
                await journey.Page.GotoAsync(journey.Servers.IdpUrl + path);
                await journey.ShotAsync($"{width}{path.Split('?')[0].Replace('/', '-')}");
                var overflow = await journey.Page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    tooWide.Add($"{path} at {width} px: {overflow} px too wide, by {await WidestAsync(journey.Page)}");
                }
            }
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }

    /// <summary>The outermost element that reaches past the screen's right edge: where the fix goes.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const past = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1);
            const outermost = past.find(e => !past.includes(e.parentElement));
            return outermost ? outermost.outerHTML.slice(0, 160) : 'nothing visible';
        }
        """);

    private static async Task<string> FirstLinkAsync(Journey journey, string list, string prefix)
    {
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + list);
        return (await journey.Page.Locator($"a[href^='{prefix}']").First.GetAttributeAsync("href"))!;
    }
}
