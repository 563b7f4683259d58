using System.Net;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IdpSmsReset.IntegrationTests.Users;

/// <summary>
/// OpenID Connect Back-Channel Logout: when a session ends, the application that obtained tokens through it is sent a
/// signed Logout Token, again and again until it accepts it.
/// </summary>
public abstract class BackchannelLogoutTests : IDisposable
{
    private readonly IdpFactory _factory;
    private readonly WireMockServer _application = WireMockServer.Start();
    private int _posts;

    protected BackchannelLogoutTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:BackchannelLogout:RetryDelays:0"] = "00:00:00.100";
        factory.Settings["Idp:BackchannelLogout:RetryDelays:1"] = "00:00:00.100";
        // Down twice, then up.
        _application.Given(Request.Create().WithPath("/backchannel-logout").UsingPost())
            .RespondWith(Response.Create().WithCallback(_ => new WireMock.ResponseMessage
            {
                StatusCode = Interlocked.Increment(ref _posts) <= 2 ? 500 : 200,
            }));
    }

    [SkippableFact]
    public async Task SessionEnded_ApplicationDownTwice_GetsAValidLogoutTokenOnTheThirdAttempt()
    {
        await GiveTheWebApplicationABackchannelLogoutUriAsync();
        using var laptop = _factory.CreateBrowser();
        using var phone = await _factory.CreateSignedInBrowserAsync("bob");
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        await AuthorizationRequests.SignInAsync(laptop, AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge), "bob");
        var laptopSession = await SessionOfAsync("bob", except: null);

        await phone.SubmitAsync(await phone.OpenAsync("/account/manage"), formSelector: "form[action*='handler=EndOtherSessions']");
        var delivery = await WaitForOutcomeAsync(laptopSession);

        Assert.Equal(BackchannelLogoutStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        var token = LastLogoutToken();
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdpFactory.Origin + "/",
            ValidAudience = TestBootstrap.WebClientId,
            IssuerSigningKeys = await PublishedKeysAsync(),
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var jwt = (JsonWebToken)validated.SecurityToken;
        Assert.Equal("logout+jwt", jwt.Typ);
        Assert.Equal(laptopSession.ToString(), jwt.GetClaim("sid").Value);
        Assert.Equal(delivery.UserId, jwt.Subject);
        Assert.Contains("http://schemas.openid.net/event/backchannel-logout", jwt.GetClaim("events").Value);
        Assert.False(jwt.TryGetClaim("nonce", out _));
        Assert.NotEmpty(jwt.Id);
    }

    [SkippableFact]
    public async Task Discovery_AdvertisesBackchannelLogoutWithTheSession()
    {
        using var client = _factory.CreateClient();
        using var discovery = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));

        Assert.True(discovery.RootElement.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(discovery.RootElement.GetProperty("backchannel_logout_session_supported").GetBoolean());
    }

    public void Dispose()
    {
        _application.Stop();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task LogoutEndpointRedirects_TheTokenIsNotPostedToTheRedirectsTarget_DeliveryFails()
    {
        _application.Given(Request.Create().WithPath("/moved-logout").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", _application.Url + "/internal-admin"));
        await GiveTheWebApplicationABackchannelLogoutUriAsync("/moved-logout");
        using var laptop = _factory.CreateBrowser();
        using var phone = await _factory.CreateSignedInBrowserAsync("erin");
        var (_, challenge) = AuthorizationRequests.NewPkce();
        await AuthorizationRequests.SignInAsync(laptop, AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge), "erin");
        var laptopSession = await SessionOfAsync("erin", except: null);

        await phone.SubmitAsync(await phone.OpenAsync("/account/manage"), formSelector: "form[action*='handler=EndOtherSessions']");
        var delivery = await WaitForOutcomeAsync(laptopSession);

        Assert.Equal(BackchannelLogoutStatus.Failed, delivery.Status);
        Assert.Contains("307", delivery.LastError);
        Assert.DoesNotContain(_application.LogEntries, entry => entry.RequestMessage.Path == "/internal-admin");
    }

    private async Task GiveTheWebApplicationABackchannelLogoutUriAsync(string path = "/backchannel-logout")
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<ApplicationAdministration>();
        var web = await administration.FindAsync(TestBootstrap.WebClientId, CancellationToken.None);
        var withLogout = new Core.Applications.ApplicationDefinition
        {
            ClientId = web!.ClientId, DisplayName = web.DisplayName, Type = web.Type, Consent = web.Consent,
            RedirectUris = web.RedirectUris, PostLogoutRedirectUris = web.PostLogoutRedirectUris, GrantTypes = web.GrantTypes,
            Scopes = web.Scopes, BackchannelLogoutUri = _application.Url + path, BackchannelLogoutSessionRequired = true,
        };
        var saved = await administration.SaveAsync(web.ClientId, withLogout, [], new Administrator("test", null), CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems));
    }

    private async Task<Guid> SessionOfAsync(string userName, Guid? except)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        return await database.Set<SessionAuthorization>()
            .Join(database.Set<UserSession>(), a => a.SessionId, s => s.Id, (a, s) => s)
            .Join(database.Users.Where(u => u.UserName == userName), s => s.UserId, u => u.Id, (s, _) => s.Id)
            .Where(id => id != except).FirstAsync();
    }

    private async Task<BackchannelLogoutDelivery> WaitForOutcomeAsync(Guid sessionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var delivery = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<BackchannelLogoutDelivery>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.SessionId == sessionId);
            if (delivery is { Status: not BackchannelLogoutStatus.Pending } || DateTime.UtcNow > deadline)
            {
                return delivery ?? throw new TimeoutException("No back-channel logout was queued.");
            }

            await Task.Delay(100);
        }
    }

    private string LastLogoutToken()
    {
        var body = _application.LogEntries.Last().RequestMessage.Body!;
        return QueryHelpers.ParseQuery(body)["logout_token"].ToString();
    }

    private async Task<IList<SecurityKey>> PublishedKeysAsync()
    {
        using var client = _factory.CreateClient();
        return new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks")).GetSigningKeys();
    }
}

public sealed class BackchannelLogoutTestsOnSqlite(SqliteIdpFactory factory)
    : BackchannelLogoutTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class BackchannelLogoutTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : BackchannelLogoutTests(factory), IClassFixture<PostgreSqlIdpFactory>;
