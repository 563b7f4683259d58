using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.ForgotPassword;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// Two instances on one PostgreSQL database, as behind a load balancer: whichever one a request reaches, the person
/// and the relying application see one identity provider.
/// </summary>
public sealed class ClusterTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [SkippableFact]
    public async Task DiscoveryAndJwks_SameOnBothInstances()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        using var a = new HttpClient { BaseAddress = new Uri(cluster.UrlA) };
        using var b = new HttpClient { BaseAddress = new Uri(cluster.UrlB) };
        // Behind the load balancer both see the public host (endpoints in discovery are built from it).
        b.DefaultRequestHeaders.Host = new Uri(cluster.UrlA).Authority;

        Assert.Equal(await a.GetStringAsync("/.well-known/openid-configuration"),
            await b.GetStringAsync("/.well-known/openid-configuration"));
        Assert.Equal(await a.GetStringAsync("/.well-known/jwks"), await b.GetStringAsync("/.well-known/jwks"));
    }

    [SkippableFact]
    public async Task LoginFormServedByA_PostedToB_SignedInOnBoth()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (onA, onB) = cluster.Browser();
        using var browserA = onA;
        using var browserB = onB;

        var form = await browserA.OpenAsync("/account/login");
        var signedIn = await SubmitLoginAsync(browserB, cluster.OnB(form), "carol", TestBootstrap.Password);
        var accountOnA = await browserA.OpenAsync("/account/manage");

        Assert.Equal("/", signedIn.Path);
        Assert.Equal("/account/manage", accountOnA.Path);
        Assert.Contains("Signed in as Carol Example (carol).", accountOnA.Text);
    }

    [SkippableFact]
    public async Task CodeIssuedByA_RedeemedAtB_RefreshTokenRotatedAtA()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (onA, onB) = cluster.Browser();
        using var browserA = onA;
        using var browserB = onB;
        var tokens = await SignInAndRedeemAsync(browserA, browserB, "openid profile offline_access");
        var refreshed = await browserA.Client.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, RefreshToken = tokens.RefreshToken ?? "",
        });

        Assert.False(tokens.IsError, tokens.Error);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
    }

    [SkippableFact]
    public async Task AccessTokenRevokedAtA_RefusedByBWithinTheBound()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (onA, onB) = cluster.Browser();
        using var browserA = onA;
        using var browserB = onB;
        var tokens = await SignInAndRedeemAsync(browserA, browserA, "openid");
        var userInfo = new UserInfoRequest { Address = "/connect/userinfo", Token = tokens.AccessToken };

        // B now holds the token's state in its cache, read while it was valid.
        var beforeAtB = await browserB.Client.GetUserInfoAsync(userInfo);
        await browserA.Client.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = TestBootstrap.SpaClientId, Token = tokens.AccessToken!, TokenTypeHint = "access_token",
        });
        var atA = await browserA.Client.GetUserInfoAsync(userInfo);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterAtB = await browserB.Client.GetUserInfoAsync(userInfo);

        Assert.False(beforeAtB.IsError, beforeAtB.Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, atA.HttpStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, afterAtB.HttpStatusCode);
    }

    [SkippableFact]
    public async Task ResetStartedOnA_FinishedOnB()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (onA, onB) = cluster.Browser();
        using var browserA = onA;
        using var browserB = onB;
        var phone = TestBootstrap.PhoneOf("yann");

        var codePage = await browserA.StartResetAsync("yann");
        var code = await cluster.Twilio.NextSmsCodeAsync(phone, seenBefore: 0);
        var newPassword = await browserB.SubmitResetCodeAsync(cluster.OnB(codePage), code);
        var done = await browserB.SetNewPasswordAsync(newPassword);
        var signedIn = await SubmitLoginAsync(browserA, await browserA.OpenAsync("/account/login"), "yann", PasswordResetSteps.NewPassword);

        Assert.Equal("/account/new-password", newPassword.Path);
        Assert.Contains(NewPasswordModel.Changed, done.Text);
        Assert.Equal("/", signedIn.Path);
    }

    [SkippableFact]
    public async Task PolicyChangedThroughAsDashboard_EnforcedByBWithinTheBound()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (admin, unused) = await AdministratorOnAAsync();
        using (unused)
        using (admin)
        {
            await ChangePolicyAsync(admin);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (guesserA, guesserB) = cluster.Browser();
        using var onlyA = guesserA;
        using var guesser = guesserB;
        var refused = await SubmitLoginAsync(guesser, await guesser.OpenAsync("/account/login"), "heidi", "not her password");

        // One failure now locks (the policy said three before the change made on A).
        Assert.Contains("Too many failed attempts", refused.Text);
    }

    private static async Task ChangePolicyAsync(TestBrowser admin)
    {
        var policies = await admin.OpenAsync("/admin/policies");
        var strict = policies.Document.QuerySelector($"tr[data-policy='{TestBootstrap.StrictPolicyName}'] a")!.GetAttribute("href")!;

        await admin.SubmitAsync(await admin.OpenAsync(strict), new Dictionary<string, string> { ["Lockout.MaxFailedAttempts"] = "1" });
    }

    [SkippableFact]
    public async Task SecretRotatedThroughAsDashboard_OldSecretRefusedByBWithinTheBound()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var (admin, service) = await AdministratorOnAAsync();
        using var onA = admin;
        using var onB = service;
        var created = await admin.SubmitAsync(await admin.OpenAsync("/admin/applications/edit"), new Dictionary<string, string>
        {
            ["Input.ClientId"] = "cluster-reports", ["Input.Type"] = "confidential", ["Input.GrantTypes"] = "client_credentials",
        }, formSelector: "form[action*='handler=Save']");
        var secret = created.Document.GetElementById("client-secret")!.TextContent;
        var beforeAtB = await TokenAsync(service, "cluster-reports", secret);

        // B now holds the application in its cache, with the secret it had when B read it.
        var rotated = await admin.ConfirmAsync(await admin.SubmitAsync(
            await admin.OpenAsync("/admin/applications/edit?clientId=cluster-reports"),
            formSelector: "form[action*='handler=RotateSecret']"));
        var newSecret = rotated.Document.GetElementById("client-secret")!.TextContent;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var oldAtB = await TokenAsync(service, "cluster-reports", secret);
        var newAtB = await TokenAsync(service, "cluster-reports", newSecret);

        Assert.False(beforeAtB.IsError, beforeAtB.Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, oldAtB.HttpStatusCode);
        Assert.False(newAtB.IsError, newAtB.Error);
    }

    [SkippableFact]
    public async Task ResetsFromOneAddress_AlternatingBetweenInstances_TheLimitHolds()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        var pages = new List<BrowserPage>();
        for (var i = 0; i < 4; i++)
        {
            var (onA, onB) = cluster.Browser(clientAddress: "203.0.113.50");
            using var browserA = onA;
            using var browserB = onB;
            var browser = i % 2 == 0 ? browserA : browserB;
            pages.Add(await browser.SubmitAsync(await browser.OpenAsync("/account/forgot-password"), new Dictionary<string, string>
            {
                ["Input.Login"] = $"nobody-{i}",
            }));
        }

        Assert.All(pages.Take(3), page => Assert.Equal("/account/forgot-password/method", page.Path));
        Assert.Contains(ForgotPasswordModel.TooManyRequests, pages[3].Text);
    }

    // Dave signs in through the SPA on one instance; the code is redeemed on the other (or the same).
    private static async Task<TokenResponse> SignInAndRedeemAsync(TestBrowser signsIn, TestBrowser redeems, string scope)
    {
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var authorize = new Uri(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge, scope: scope));
        var code = (await AuthorizationRequests.SignInAsync(signsIn, authorize.PathAndQuery, "dave"))["code"];
        return await redeems.Client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = verifier,
        });
    }

    // A browser on A with the administrator signed in, and one on B.
    private async Task<(TestBrowser Admin, TestBrowser OnB)> AdministratorOnAAsync()
    {
        var (onA, onB) = cluster.Browser();
        await onA.SubmitPasswordAsync(TestBootstrap.AdminUserName);
        return (onA, onB);
    }

    private static Task<BrowserPage> SubmitLoginAsync(TestBrowser browser, BrowserPage login, string userName, string password) =>
        browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    private static Task<TokenResponse> TokenAsync(TestBrowser browser, string clientId, string secret) =>
        browser.Client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret,
        });
}
