using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// Step-up: a relying application asks for two factors (<c>acr_values=mfa</c>) of a user whose policy asks for a
/// password only, as for a payment or an administrator's page.
/// </summary>
public abstract class StepUpTests : TwilioBackedTests
{
    protected StepUpTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    private static LoginRequest AskingForMfa => new() { FrontChannelExtraParameters = new Parameters { { "acr_values", "mfa" } } };

    [SkippableFact]
    public async Task PasswordSession_AcrValuesMfa_SecondFactorWithoutThePasswordAgain_IdTokenSaysAcrMfa()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = "+14155550100";
        using var browser = Factory.CreateBrowser();
        var agent = new UserAgent(browser, "alice", TestBootstrap.Password, otherPage: async page =>
        {
            Assert.Equal("/account/second-factor", page.Path);
            return await browser.SubmitCodeAsync(page, await Twilio.NextSmsCodeAsync(phone, seenBefore: 0));
        });
        var client = OidcClients.Create(Factory, agent, TestBootstrap.SpaClientId);

        var passwordOnly = await client.LoginAsync();
        var pagesOfFirst = agent.PagesSeen.ToList();
        agent.PagesSeen.Clear();
        var steppedUp = await client.LoginAsync(AskingForMfa);
        var pagesOfStepUp = agent.PagesSeen.ToList();
        agent.PagesSeen.Clear();
        var afterwards = await client.LoginAsync(AskingForMfa);

        Assert.False(passwordOnly.IsError, passwordOnly.Error);
        Assert.Equal(["/account/login"], pagesOfFirst);
        Assert.Equal("pwd", passwordOnly.User.FindFirst("acr")?.Value);
        Assert.False(steppedUp.IsError, steppedUp.Error + " " + steppedUp.ErrorDescription);
        Assert.Equal(["/account/second-factor"], pagesOfStepUp);
        Assert.Equal("mfa", steppedUp.User.FindFirst("acr")?.Value);
        Assert.Equal(["pwd", "sms", "mfa"], steppedUp.User.FindAll("amr").Select(claim => claim.Value));
        Assert.False(afterwards.IsError, afterwards.Error);
        Assert.Empty(agent.PagesSeen);
        Assert.Equal("mfa", afterwards.User.FindFirst("acr")?.Value);
    }

    [SkippableFact]
    public async Task PasswordSession_AcrValuesMfaWithPromptNone_InteractionRequired()
    {
        using var browser = await Factory.CreateSignedInBrowserAsync("bob");

        var silent = AuthorizationRequests.ResponseParameters(await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId,
            AuthorizationRequests.NewPkce().Challenge, prompt: "none", acrValues: "mfa")));
        var plain = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("interaction_required", silent["error"]);
        Assert.True(plain.ContainsKey("code"));
    }

    [SkippableFact]
    public async Task PasswordSession_AcrValuesMfa_NoFactorYetButPolicyOffersOne_EnrolPage()
    {
        using var browser = await Factory.CreateSignedInBrowserAsync("carol");

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, AuthorizationRequests.NewPkce().Challenge,
            acrValues: "mfa"));

        Assert.Equal("/account/second-factor/enrol", page.Path);
        Assert.NotNull(page.Document.GetElementById("authenticator-key"));
    }

    [SkippableFact]
    public async Task PasswordSession_AcrValuesMfa_PolicyOffersNoFactor_UnmetAuthenticationRequirements()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var policies = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
            var strict = (await policies.FindByNameAsync(TestBootstrap.StrictPolicyName, CancellationToken.None))!;
            strict.Mfa.TotpEnabled = false;
            strict.Mfa.SmsEnabled = false;
            Assert.Empty(await policies.SaveAsync(strict, CancellationToken.None));
        }

        using var browser = await Factory.CreateSignedInBrowserAsync("heidi");

        var answer = AuthorizationRequests.ResponseParameters(await browser.OpenAsync(AuthorizationRequests.Url(
            TestBootstrap.WebClientId, AuthorizationRequests.NewPkce().Challenge, acrValues: "mfa")));
        var withoutAsking = AuthorizationRequests.ResponseParameters(await browser.OpenAsync(AuthorizationRequests.Url(
            TestBootstrap.WebClientId, AuthorizationRequests.NewPkce().Challenge)));

        Assert.Equal("unmet_authentication_requirements", answer["error"]);
        Assert.Equal("state-123", answer["state"]);
        Assert.True(withoutAsking.ContainsKey("code"));
    }

    [SkippableFact]
    public async Task Discovery_SaysWhichAcrValuesMayBeAskedFor()
    {
        using var http = OidcClients.Backchannel(Factory);

        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = IdpFactory.Origin, Policy = new DiscoveryPolicy { RequireHttps = false },
        });

        Assert.Equal(["pwd", "mfa"], discovery.TryGetStringArray("acr_values_supported"));
    }
}

public sealed class StepUpTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : StepUpTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class StepUpTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : StepUpTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
