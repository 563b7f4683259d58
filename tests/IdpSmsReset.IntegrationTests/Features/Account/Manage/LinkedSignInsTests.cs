using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>The account page's other sign-ins: the links to outside identity providers, removable but never the last way in.</summary>
public sealed class LinkedSignInsTests
{
    [SkippableFact]
    public async Task UserWithAPassword_RemovesTheLink_GoneAndAudited()
    {
        using var factory = new SqliteIdpFactory();
        await factory.ChangeUserAsync("bob", (users, bob) => users.AddLoginAsync(bob, new UserLoginInfo("corp", "bob-at-corp", "Corp")));
        using var browser = await factory.CreateSignedInBrowserAsync("bob");

        var page = await browser.OpenAsync("/account/manage/linked");
        var removed = await browser.SubmitAsync(page, formSelector: "form[action*='handler=Remove']");

        Assert.Contains("Corp", page.Document.QuerySelector("[data-provider='corp']")!.TextContent);
        Assert.Contains(LinkedSignInsModelRemoved, removed.Text);
        Assert.True(removed.Document.GetElementById("no-links") is not null, removed.Text);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByLoginAsync("corp", "bob-at-corp"));
        Assert.Contains("corp", Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedLinkRemoved)).Details);
    }

    [SkippableFact]
    public async Task OnlyWayToSignIn_RemovalRefusedAndSaidWhy_LinkKept()
    {
        await using var upstream = await CorpUpstream.StartAsync("corp", new Dictionary<string, object>
        {
            ["ann-1"] = new { preferred_username = "ann", email = "ann@corp.example" },
        });
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry("corp"));
        using var browser = factory.CreateBrowser();
        var login = await browser.OpenAsync("/account/login?ReturnUrl=%2Faccount%2Fmanage%2Flinked");
        var sent = await browser.OpenAsync(login.Document.GetElementById("external-corp")!.GetAttribute("href")!);
        var page = await browser.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "ann-1")).PathAndQuery);

        var refused = await browser.SubmitAsync(page, formSelector: "form[action*='handler=Remove']");

        Assert.Equal("/account/manage/linked", page.Path);
        Assert.Contains(FederatedLinks.LastWayToSignIn, refused.Text);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByLoginAsync("corp", "ann-1"));
    }

    private const string LinkedSignInsModelRemoved = "The provider was removed from your account.";
}
