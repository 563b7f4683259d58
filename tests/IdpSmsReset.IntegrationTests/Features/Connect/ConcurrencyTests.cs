using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>What must happen once happens once, even when the same request arrives many times at the same moment.</summary>
public abstract class ConcurrencyTests(IdpFactory factory)
{
    private const int Parallel = 8;

    [SkippableFact]
    public async Task AuthorizationCode_ExchangedInParallel_IssuesTokensOnce()
    {
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge),
            "alice"))["code"];

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var backchannel = OidcClients.Backchannel(factory);
            return await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
            {
                Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code,
                RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
            });
        }));

        Assert.Single(responses, response => !response.IsError);
        Assert.All(responses.Where(response => response.IsError), response => Assert.Equal("invalid_grant", response.Error));
    }

    [SkippableFact]
    public async Task RefreshToken_RedeemedInParallel_IsRotatedOnce()
    {
        using var browser = factory.CreateBrowser();
        var client = OidcClients.Create(factory, new UserAgent(browser, "bob", TestBootstrap.Password), TestBootstrap.WebClientId,
            TestBootstrap.WebClientSecret);
        var login = await client.LoginAsync();
        Assert.False(login.IsError, login.Error);

        var responses = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var backchannel = OidcClients.Backchannel(factory);
            return await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
            {
                Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
                RefreshToken = login.RefreshToken,
            });
        }));

        var winner = Assert.Single(responses, response => !response.IsError);
        Assert.All(responses.Where(response => response.IsError), response => Assert.Equal("invalid_grant", response.Error));
        // The losers were a racing client, not a thief: the rotated token still works.
        using var next = OidcClients.Backchannel(factory);
        var rotated = await next.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            RefreshToken = winner.RefreshToken!,
        });
        Assert.False(rotated.IsError, rotated.Error);
    }

    [SkippableFact]
    public async Task WrongPasswords_SentInParallel_AreAllCountedTowardsLockout()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async attempt =>
        {
            using var browser = factory.CreateBrowser();
            var form = await browser.OpenAsync("/account/login");
            return await browser.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.UserName"] = "carol", ["Input.Password"] = "wrong password " + attempt,
            });
        }));

        using var late = factory.CreateBrowser();
        var form = await late.OpenAsync("/account/login");
        var withRightPassword = await late.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = "carol", ["Input.Password"] = TestBootstrap.Password,
        });

        Assert.All(attempts, page => Assert.Equal("/account/login", page.Path));
        Assert.Equal("/account/login", withRightPassword.Path);
        Assert.Contains("Too many failed attempts. Sign-in is locked", withRightPassword.Text);
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteIdpFactory factory) : ConcurrencyTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ConcurrencyTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ConcurrencyTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
