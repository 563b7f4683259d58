using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IdpSmsReset.IntegrationTests.Features.Account.External;

/// <summary>A linked user whose policy requires a second factor, signing in through the company's provider.</summary>
public sealed class ExternalSignInSecondFactorTests(FakeTwilio twilio) : IClassFixture<FakeTwilio>
{
    private const string Corp = "corp";

    [SkippableFact]
    public async Task LinkedUserWhosePolicyRequiresMfa_SmsCodeAfterTheUpstream_IdTokenSaysFedSmsMfa()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, new Dictionary<string, object>
        {
            // The upstream says it checked a second factor; untrusted, that changes nothing here.
            ["ivan-at-corp"] = new { preferred_username = "ivan.corp", email = "ivan@corp.example", name = "Ivan",
                amr = new[] { "pwd", "otp", "mfa" } },
        });
        using var factory = new SqliteIdpFactory();
        factory.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
        CorpUpstream.WriteBootstrap(factory, upstream.BootstrapEntry(Corp, IdentityProviderVocabulary.ExistingOnly));
        await factory.ConfigureSmsFactorAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddLoginAsync((await users.FindByNameAsync("ivan"))!,
                new UserLoginInfo(Corp, "ivan-at-corp", "Corp"))).Succeeded);
        }

        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge));
        var sent = await browser.OpenAsync(login.Document.GetElementById("external-corp")!.GetAttribute("href")!);
        var secondFactor = await browser.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "ivan-at-corp")).PathAndQuery);
        Assert.Equal("/account/second-factor", secondFactor.Path);
        var back = await browser.SubmitCodeAsync(secondFactor, await twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("ivan"), seenBefore: 0));
        var tokens = await browser.Client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = AuthorizationRequests.ResponseParameters(back)["code"],
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });

        Assert.False(tokens.IsError, tokens.Error);
        var idToken = new JsonWebToken(tokens.IdentityToken);
        Assert.Equal(["fed", "sms", "mfa"], idToken.Claims.Where(claim => claim.Type == "amr").Select(claim => claim.Value));
    }

    [SkippableFact]
    public async Task TrustedUpstreamSaysItCheckedASecondFactor_NoSecondFactorHere_IdTokenSaysFedOtpMfa()
    {
        await using var upstream = await CorpUpstream.StartAsync(Corp, new Dictionary<string, object>
        {
            ["ivan-at-corp"] = new { preferred_username = "ivan.corp", amr = new[] { "pwd", "otp", "mfa" } },
        });
        using var factory = new SqliteIdpFactory();
        var entry = upstream.BootstrapEntry(Corp, IdentityProviderVocabulary.ExistingOnly);
        entry["trustUpstreamMfa"] = true;
        CorpUpstream.WriteBootstrap(factory, entry);
        await factory.ChangeUserAsync("ivan", (users, ivan) => users.AddLoginAsync(ivan, new UserLoginInfo(Corp, "ivan-at-corp", "Corp")));
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();

        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge));
        var sent = await browser.OpenAsync(login.Document.GetElementById("external-corp")!.GetAttribute("href")!);
        var back = await browser.OpenAsync((await upstream.AnswerAsync(sent.ExternalRedirect!, "ivan-at-corp")).PathAndQuery);
        var tokens = await browser.Client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = AuthorizationRequests.ResponseParameters(back)["code"],
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });

        Assert.False(tokens.IsError, tokens.Error);
        Assert.Equal(["fed", "otp", "mfa"],
            new JsonWebToken(tokens.IdentityToken).Claims.Where(claim => claim.Type == "amr").Select(claim => claim.Value));
    }
}
