using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Keys;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Keys;

/// <summary>
/// The keys kept in the database, on a fake clock: published a week before they sign, signing for 90 days, published
/// 30 days after; and a rotation on demand that leaves the tokens already out working.
/// </summary>
public abstract class TokenKeyRotationTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task ScheduledRotation_SuccessorPublishedAWeekAhead_ThenSigns_ThenTheOldOneLeaves()
    {
        var first = KidOf(await ServiceTokenAsync());
        var published = await PublishedKidsAsync();

        await AdvanceAsync(TimeSpan.FromDays(84));
        var aheadOfItsTurn = await PublishedKidsAsync();
        var stillSigning = KidOf(await ServiceTokenAsync());

        await AdvanceAsync(TimeSpan.FromDays(7));
        var second = KidOf(await ServiceTokenAsync());
        var both = await PublishedKidsAsync();

        await AdvanceAsync(TimeSpan.FromDays(31));
        var afterRetention = await PublishedKidsAsync();

        var successor = Assert.Single(aheadOfItsTurn.Except(published));
        Assert.Contains(first, published);
        Assert.Contains(first, aheadOfItsTurn);
        Assert.Equal(first, stillSigning);
        Assert.Equal(successor, second);
        Assert.Equal(aheadOfItsTurn.Order(), both.Order());
        Assert.DoesNotContain(first, afterRetention);
        Assert.Contains(second, afterRetention);
    }

    [SkippableFact]
    public async Task RotateNow_NewKeySignsAtOnce_TokensIssuedBeforeStillWork()
    {
        using var backchannel = OidcClients.Backchannel(factory);
        var before = await CodeFlowTokensAsync(backchannel);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TokenKeyRing>().RotateNowAsync(CancellationToken.None);
        }

        await factory.Services.GetRequiredService<TokenKeyCredentials>().ReloadAsync(CancellationToken.None);
        var refreshed = await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, RefreshToken = before.RefreshToken!,
        });
        var published = await PublishedKidsAsync();

        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(KidOf(before.IdentityToken!), KidOf(refreshed.IdentityToken!));
        Assert.Contains(KidOf(before.IdentityToken!), published);
        Assert.Contains(KidOf(refreshed.IdentityToken!), published);
    }

    [SkippableFact]
    public async Task KeysPage_ShowsTheKeysInUse_RotateNowPublishesAndSignsWithNewOnes()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var page = await admin.OpenAsync("/admin/keys");
        var signingBefore = page.Document.QuerySelectorAll("tr[data-use=signing]")
            .Where(row => row.QuerySelector(".state")!.TextContent == "in use").Select(row => row.GetAttribute("data-kid")).ToList();

        var rotated = await admin.ConfirmAsync(await admin.SubmitAsync(page, formSelector: "form[action*='handler=Rotate']"));
        var signedAfter = KidOf(await ServiceTokenAsync());

        Assert.Contains(page.Document.QuerySelectorAll("tr[data-use=encryption] .state"), state => state.TextContent == "in use");
        Assert.DoesNotContain(signedAfter, signingBefore);
        Assert.Contains(signedAfter, await PublishedKidsAsync());
        Assert.Contains("New keys sign and encrypt from now on", rotated.Text);
        Assert.Contains(page.Document.QuerySelectorAll("code"), code => !string.IsNullOrEmpty(code.TextContent));
        Assert.DoesNotContain("PRIVATE", rotated.Html, StringComparison.OrdinalIgnoreCase);
        var audited = Assert.Single(await factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.TokenKeysRotated));
        Assert.Equal(TestBootstrap.AdminUserName, audited.Actor);
        Assert.DoesNotContain("PRIVATE", audited.Details, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task KeysPage_RevokeTheSigningKey_ConfirmedThenUnpublishedAndTokensItSignedFail_Audited()
    {
        using var backchannel = OidcClients.Backchannel(factory);
        var before = await CodeFlowTokensAsync(backchannel);
        var suspect = KidOf(before.AccessToken!);
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var page = await admin.OpenAsync("/admin/keys");
        var revokeForm = $"tr[data-kid='{suspect}'] form";

        var unconfirmed = await admin.SubmitAsync(page, formSelector: revokeForm);
        var stillPublished = await PublishedKidsAsync();
        var revoked = await admin.SubmitAsync(page, new Dictionary<string, string> { ["ConfirmRevoke"] = "true" },
            formSelector: revokeForm);
        var userInfo = await backchannel.GetUserInfoAsync(new UserInfoRequest
        {
            Address = "/connect/userinfo", Token = before.AccessToken,
        });
        var newToken = KidOf(await ServiceTokenAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<Core.Persistence.IdpDbContext>().Set<Core.Audit.AuditEvent>()
            .AnyAsync(audit => audit.Type == Core.Administration.AdminEventTypes.TokenKeyRevoked && audit.Details!.Contains(suspect));

        Assert.Contains("Tick the box to confirm", unconfirmed.Text);
        Assert.Contains(suspect, stillPublished);
        Assert.Contains("The key was revoked", revoked.Text);
        Assert.Equal("revoked", revoked.Document.QuerySelector($"tr[data-kid='{suspect}'] .state")?.TextContent);
        Assert.DoesNotContain(suspect, await PublishedKidsAsync());
        Assert.True(userInfo.IsError);
        Assert.NotEqual(suspect, newToken);
        Assert.True(audited);
    }

    [SkippableFact]
    public async Task SuccessorDue_EightInstancesAtOnce_ExactlyOneKeyOfEachKindMade()
    {
        IReadOnlyList<TokenKey> before;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<TokenKeyRing>().ListAsync(CancellationToken.None);
        }

        factory.Clock.Advance(TimeSpan.FromDays(84));
        // The instance's own refresher may be a ninth, and the one that wins: what matters is that one key per kind is made.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TokenKeyRing>().EnsureAsync(CancellationToken.None);
        }));
        await using var check = factory.Services.CreateAsyncScope();
        var after = await check.ServiceProvider.GetRequiredService<TokenKeyRing>().ListAsync(CancellationToken.None);

        Assert.Equal(before.Count + TokenKeyUses.All.Length, after.Count);
        Assert.Equal(after.Count, after.Select(key => (key.Use, key.Algorithm, key.Generation)).Distinct().Count());
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        factory.Clock.Advance(by);
        // What the refresher does within a second: create the key that is due, read the keys again.
        await factory.Services.GetRequiredService<TokenKeyCredentials>().ReloadAsync(CancellationToken.None);
    }

    private async Task<string> ServiceTokenAsync()
    {
        using var backchannel = OidcClients.Backchannel(factory);
        var response = await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
        });
        Assert.False(response.IsError, response.Error);
        return response.AccessToken!;
    }

    private async Task<TokenResponse> CodeFlowTokensAsync(HttpClient backchannel)
    {
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge,
            scope: "openid profile offline_access"), "erin"))["code"];
        var response = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = verifier,
        });
        Assert.False(response.IsError, response.Error);
        return response;
    }

    private async Task<List<string>> PublishedKidsAsync()
    {
        using var client = factory.CreateClient();
        return [.. new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks")).Keys.Select(key => key.Kid)];
    }

    private static string KidOf(string jwt) => new JsonWebToken(jwt).Kid;
}

public sealed class TokenKeyRotationTestsOnSqlite(SqliteIdpFactory factory) : TokenKeyRotationTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class TokenKeyRotationTestsOnPostgreSql(PostgreSqlIdpFactory factory) : TokenKeyRotationTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
