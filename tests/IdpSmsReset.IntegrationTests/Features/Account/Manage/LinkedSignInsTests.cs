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

    [SkippableFact]
    public async Task SignedInUser_LinksCorp_NextSignInThroughCorpIsThemWithIdpClaim_Audited()
    {
        await using var upstream = await CorpUpstream.StartAsync("corp", new Dictionary<string, object>
        {
            // The upstream's address is not bob's: linking rests on bob proving both accounts, never on addresses.
            ["bob-at-corp"] = new { preferred_username = "robert", email = "robert@corp.example" },
        });
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry("corp"));
        using var bob = await factory.CreateSignedInBrowserAsync("bob");

        var page = await bob.OpenAsync("/account/manage/linked");
        var sent = await bob.SubmitAsync(page, formSelector: "form[action*='handler=Link']");
        var linked = await bob.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "bob-at-corp")).PathAndQuery);

        Assert.Equal("/account/manage/linked", linked.Path);
        Assert.Contains("The provider was linked", linked.Text);
        Assert.NotNull(linked.Document.QuerySelector(".linked-sign-ins [data-provider='corp']"));
        Assert.Null(linked.Document.QuerySelector(".linkable-sign-ins"));
        Assert.Contains("corp", Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedLinkAdded)).Details);

        // Anyone signing in through Corp as that account is now bob, and the application is told where they came from.
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge));
        var toCorp = await browser.OpenAsync(login.Document.GetElementById("external-corp")!.GetAttribute("href")!);
        var back = await browser.OpenAsync((await upstream.AnswerAsync(toCorp.ExternalRedirect!, "bob-at-corp")).PathAndQuery);
        var idToken = await AuthorizationRequests.IdTokenAsync(browser, back, verifier);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal((await users.FindByNameAsync("bob"))!.Id, idToken.Subject);
        Assert.Equal("corp", idToken.GetClaim("idp").Value);
        Assert.Null(await users.FindByNameAsync("robert"));
    }

    [SkippableFact]
    public async Task UpstreamAccountLinkedToAlice_BobLinksIt_RefusedAndAliceKeepsIt()
    {
        await using var upstream = await CorpUpstream.StartAsync("corp", new Dictionary<string, object>
        {
            ["alice-at-corp"] = new { preferred_username = "alice.corp" },
        });
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry("corp"));
        await factory.ChangeUserAsync("alice", (users, alice)
            => users.AddLoginAsync(alice, new UserLoginInfo("corp", "alice-at-corp", "Corp")));
        using var bob = await factory.CreateSignedInBrowserAsync("bob");

        var page = await bob.OpenAsync("/account/manage/linked");
        var sent = await bob.SubmitAsync(page, formSelector: "form[action*='handler=Link']");
        var refused = await bob.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "alice-at-corp")).PathAndQuery);

        Assert.Contains(FederatedLinks.LinkedElsewhere, refused.Text);
        Assert.True(refused.Document.GetElementById("no-links") is not null, refused.Text);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal("alice", (await users.FindByLoginAsync("corp", "alice-at-corp"))!.UserName);
        Assert.Empty(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedLinkAdded));
    }

    [SkippableFact]
    public async Task SessionEndedWhileAtTheProvider_BackWithTheIdentity_NothingLinked()
    {
        await using var upstream = await CorpUpstream.StartAsync("corp", new Dictionary<string, object>
        {
            ["bob-at-corp"] = new { preferred_username = "robert" },
        });
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry("corp"));
        using var bob = await factory.CreateSignedInBrowserAsync("bob");
        var sent = await bob.SubmitAsync(await bob.OpenAsync("/account/manage/linked"), formSelector: "form[action*='handler=Link']");

        // Meanwhile bob's password changes on another instance: every session of his ends, this browser's too.
        await factory.ChangeUserAsync("bob", (users, user) => users.UpdateSecurityStampAsync(user));
        var back = await bob.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "bob-at-corp")).PathAndQuery);

        Assert.Equal("/account/login", back.Path);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByLoginAsync("corp", "bob-at-corp"));
        Assert.Empty(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedLinkAdded));
    }

    [SkippableFact]
    public async Task LinkWithoutRecentProof_WrongPassword_NotSentToTheProvider()
    {
        await using var upstream = await CorpUpstream.StartAsync("corp", new Dictionary<string, object>());
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry("corp"));
        using var bob = await factory.CreateSignedInBrowserAsync("bob");
        factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var page = await bob.OpenAsync("/account/manage/linked");
        var refused = await bob.SubmitAsync(page, new Dictionary<string, string> { ["CurrentPassword"] = "not-bobs-password" },
            formSelector: "form[action*='handler=Link']");

        Assert.NotNull(page.Document.GetElementById("link-password-corp"));
        Assert.Null(refused.ExternalRedirect);
        Assert.False(string.IsNullOrEmpty(refused.FieldError("password-error")), refused.Text);
    }

    private const string LinkedSignInsModelRemoved = "The provider was removed from your account.";
}
