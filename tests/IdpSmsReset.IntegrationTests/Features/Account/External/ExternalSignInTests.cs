using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IdpSmsReset.IntegrationTests.Features.Account.External;

/// <summary>
/// Signing in through the company's own identity provider: node-oidc-provider as the upstream, a relying application
/// asking this server for a code, the person choosing "Continue with Corp" on the login page.
/// </summary>
public sealed class ExternalSignInTests
{
    private const string Corp = "corp";

    private static readonly Dictionary<string, object> Accounts = new()
    {
        ["ann-1"] = new { preferred_username = "ann", email = "ann@corp.example", email_verified = true, name = "Ann Corp" },
        // Claims alice's address here: an upstream that lets anyone say any address must not hand alice's account out.
        ["mallet-1"] = new { preferred_username = "mallet", email = "alice@example.com", email_verified = true, name = "Not Alice" },
    };

    [SkippableFact]
    public async Task NewPerson_AutomaticProvisioning_ApplicationGetsAFederatedIdTokenForANewLinkedUser()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp));
        using var measured = new RecordedMeasurements(factory);
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();

        var back = await ThroughCorpAsync(browser, upstream, challenge, "ann-1");
        Assert.True(back.ExternalRedirect is not null, string.Join("\n", (await factory.AuditEventsOfTypeAsync(
            AuditEventTypes.FederatedSignInFailed)).Select(failed => failed.Details)) + back.Html);
        var code = AuthorizationRequests.ResponseParameters(back)["code"];
        var tokens = await browser.Client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = verifier,
        });

        Assert.False(tokens.IsError, tokens.Error);
        var idToken = new JsonWebToken(tokens.IdentityToken);
        Assert.Equal(AuthenticationMethodsFed, idToken.GetClaim("amr").Value);
        Assert.Equal(Corp, idToken.GetClaim("idp").Value);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ann = await users.FindByLoginAsync(Corp, "ann-1");
        Assert.NotNull(ann);
        Assert.Equal(ann.Id, idToken.Subject);
        Assert.Equal(("ann", "ann@corp.example", "Ann Corp"), (ann.UserName, ann.Email, ann.DisplayName));
        Assert.False(await users.HasPasswordAsync(ann));
        Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedUserProvisioned));
        Assert.Equal(1, measured.Sum("idp.sign_ins", ("provider", Corp), ("result", "success")));
        Assert.Equal(ann.Id, Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedSignInSucceeded)).SubjectUserId);
    }

    [SkippableFact]
    public async Task UpstreamClaimsALocalAccountsEmail_NotJoinedToIt_BackAtLoginAndNoAccountMade()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp));
        using var browser = factory.CreateBrowser();

        var back = await ThroughCorpAsync(browser, upstream, AuthorizationRequests.NewPkce().Challenge, "mallet-1");

        Assert.Equal("/account/login", back.Path);
        Assert.Contains("An account here already uses that e-mail address", back.Text);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByLoginAsync(Corp, "mallet-1"));
        Assert.Empty(await users.GetLoginsAsync((await users.FindByNameAsync("alice"))!));
        Assert.Null(await users.FindByNameAsync("mallet"));
        Assert.Contains("EmailInUse", Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedSignInFailed)).Details);
    }

    [SkippableFact]
    public async Task ExistingOnlyProvider_PersonNotLinked_BackAtLoginSaidWhy()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp, IdentityProviderVocabulary.ExistingOnly));
        using var measured = new RecordedMeasurements(factory);
        using var browser = factory.CreateBrowser();

        var back = await ThroughCorpAsync(browser, upstream, AuthorizationRequests.NewPkce().Challenge, "ann-1");

        Assert.Equal("/account/login", back.Path);
        Assert.Contains("is not linked to an account here", back.Text);
        Assert.Equal(1, measured.Sum("idp.sign_ins", ("provider", Corp), ("result", "not_linked")));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("ann"));
    }

    [SkippableFact]
    public async Task PersonCancelsAtTheUpstream_BackAtLoginSaidCancelled()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp));
        using var browser = factory.CreateBrowser();

        var back = await ThroughCorpAsync(browser, upstream, AuthorizationRequests.NewPkce().Challenge, account: null);

        Assert.Equal("/account/login", back.Path);
        Assert.Contains("was cancelled", back.Text);
        Assert.NotNull(back.Document.GetElementById("external-corp"));
    }

    [SkippableFact]
    public async Task HomeRealmDiscovery_NameInTheProvidersDomain_StraightToTheProviderWithoutAPassword()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp, IdentityProviderVocabulary.Automatic, "corp.example"));
        using var browser = factory.CreateBrowser();

        var challenge = AuthorizationRequests.NewPkce().Challenge;
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge));
        var sent = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = "Ann@Corp.Example" });
        var otherDomain = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = "ann@example.com" });

        Assert.NotNull(sent.ExternalRedirect);
        Assert.StartsWith(upstream.Issuer + "/", sent.ExternalRedirect.AbsoluteUri);
        Assert.Equal("/account/login", otherDomain.Path);
        Assert.Equal("Enter your password.", otherDomain.FieldError("password-error"));
    }

    [SkippableFact]
    public async Task ProviderDisabled_ButtonGoneAndItsAddressRefused_AtOnceWithoutRestart()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp));
        using var browser = factory.CreateBrowser();
        var before = await browser.OpenAsync("/account/login");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<IdentityProviders>().SaveAsync(new IdentityProviderDefinition
            {
                Name = Corp, Type = "oidc", DisplayName = "Corp", Issuer = upstream.Issuer, ClientId = CorpUpstream.ClientId,
                Enabled = false,
            }, new Core.Administration.Administrator("test", null), CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Problems));
        }

        var after = await browser.OpenAsync("/account/login");
        var refused = await browser.OpenAsync("/connect/external/corp?returnUrl=%2F");

        Assert.NotNull(before.Document.GetElementById("external-corp"));
        Assert.Null(after.Document.GetElementById("external-corp"));
        Assert.Equal("/account/login", refused.Path);
        Assert.Contains("That way of signing in is not available", refused.Text);
    }

    [SkippableFact]
    public async Task LinkedAccountDisabled_UpstreamSignInRefused()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, Accounts);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp, IdentityProviderVocabulary.ExistingOnly));
        await factory.ChangeUserAsync("bob", async (users, bob) =>
        {
            await users.AddLoginAsync(bob, new UserLoginInfo(Corp, "ann-1", "Corp"));
            bob.DisabledAt = DateTime.UtcNow;
            return await users.UpdateAsync(bob);
        });
        using var browser = factory.CreateBrowser();

        var back = await ThroughCorpAsync(browser, upstream, AuthorizationRequests.NewPkce().Challenge, "ann-1");

        Assert.Equal("/account/login", back.Path);
        Assert.Contains("That account cannot sign in now", back.Text);
    }

    private const string AuthenticationMethodsFed = "fed";

    /// <summary>From the application's request, through "Continue with Corp" and the upstream, back to this server.</summary>
    private static async Task<BrowserPage> ThroughCorpAsync(TestBrowser browser, CorpUpstream upstream, string challenge, string? account)
    {
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge));
        Assert.Equal("/account/login", login.Path);
        var button = login.Document.GetElementById("external-corp");
        Assert.NotNull(button);
        Assert.Equal("Continue with Corp", button.TextContent.Trim());
        var sent = await browser.OpenAsync(button.GetAttribute("href")!);
        Assert.NotNull(sent.ExternalRedirect);
        Assert.StartsWith(upstream.Issuer, sent.ExternalRedirect.AbsoluteUri);
        var callback = await upstream.AnswerAsync(sent.ExternalRedirect, account);
        return await browser.OpenAsync(callback.PathAndQuery);
    }
}
