using System.Net;
using Duende.IdentityModel.Client;
using System.Security.Cryptography;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.ForgotPassword;

namespace IdpSmsReset.IntegrationTests.Features.Account.ForgotPassword;

/// <summary>"Forgot password?" by SMS, end to end, with WireMock as Twilio.</summary>
public abstract class PasswordResetTests : TwilioBackedTests
{

    protected PasswordResetTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task Reset_FromTheRelyingAppsSignIn_NewPasswordThenBackIntoTheAuthorization()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var authorize = AuthorizationRequests.Url(TestBootstrap.WebClientId, AuthorizationRequests.NewPkce().Challenge);
        var login = await browser.OpenAsync(authorize);

        var forgot = await browser.OpenAsync(login.Document.GetElementById("forgot-password")!.GetAttribute("href")!);
        var method = await browser.SubmitAsync(forgot, new Dictionary<string, string> { ["Input.Login"] = "uma@example.com" });
        var codePage = await browser.SubmitAsync(method, new Dictionary<string, string> { ["Choice"] = "sms" });
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("uma"), seenBefore: 0);
        var newPasswordPage = await browser.SubmitResetCodeAsync(codePage, code);
        var backAtLogin = await browser.SetNewPasswordAsync(newPasswordPage);
        var application = await browser.SubmitAsync(backAtLogin, new Dictionary<string, string>
        {
            ["Input.UserName"] = "uma", ["Input.Password"] = PasswordResetSteps.NewPassword,
        });

        Assert.Equal("/account/forgot-password/method", method.Path);
        Assert.Equal("/account/reset-code", codePage.Path);
        Assert.Equal("one-time-code", codePage.Document.QuerySelector("input[name=Code]")!.GetAttribute("autocomplete"));
        Assert.DoesNotContain(TestBootstrap.PhoneOf("uma")[^4..], codePage.Text);
        Assert.Equal("/account/new-password", newPasswordPage.Path);
        Assert.Equal("/account/login", backAtLogin.Path);
        Assert.Contains(NewPasswordModel.Changed, backAtLogin.Text);
        Assert.StartsWith(TestBootstrap.RedirectUri, application.ExternalRedirect!.ToString());
        Assert.True(AuthorizationRequests.ResponseParameters(application).ContainsKey("code"));
        var body = Assert.Single(Twilio.MessagesTo(TestBootstrap.PhoneOf("uma")), sms => sms.Form["Body"].Contains("reset")).Form["Body"];
        Assert.EndsWith($"\n\n@localhost #{code}", body);
        await Twilio.WaitForMoreMessagesAsync(TestBootstrap.PhoneOf("uma"), seenBefore: 1);
        Assert.Contains(Twilio.MessagesTo(TestBootstrap.PhoneOf("uma")),
            sms => sms.Form["Body"].StartsWith("The password of your account at localhost was changed", StringComparison.Ordinal));
        Assert.Equal(
            [AuditEventTypes.PasswordResetRequested, AuditEventTypes.PasswordResetCodeSent, AuditEventTypes.PasswordResetCompleted,
                AuditEventTypes.SignInSucceeded],
            await AuditTypesAsync("uma"));
    }

    [SkippableFact]
    public async Task ExistingUnknownNoPhoneOrNotAllowed_SamePagesSameHeaders_OnlyTheEligibleGetsAnSms()
    {
        await Factory.ConfigureSmsFactorAsync();
        await Factory.ChangeUserAsync("wade", (users, wade) => users.SetPhoneNumberAsync(wade, null));
        string[] logins = ["vera", "nobody-by-this-name", "wade", "bob"];

        var journeys = new List<IReadOnlyList<BrowserPage>>();
        foreach (var login in logins)
        {
            using var browser = Factory.CreateBrowser();
            var start = await browser.OpenAsync("/account/forgot-password");
            var method = await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = login });
            var codePage = await browser.SubmitAsync(method, new Dictionary<string, string> { ["Choice"] = "sms" });
            var wrong = await browser.SubmitResetCodeAsync(codePage, "123456");
            journeys.Add([method, codePage, wrong]);
        }

        await Factory.WaitForCodeOutcomesAsync("vera", count: 1);
        await Factory.WaitForCodeOutcomesAsync("wade", count: 1);
        await Factory.WaitForCodeOutcomesAsync("bob", count: 1);
        await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("vera"));
        for (var step = 0; step < 3; step++)
        {
            var pages = journeys.Select(journey => journey[step]).ToList();
            Assert.All(pages, page => Assert.Equal(pages[0].Status, page.Status));
            Assert.All(pages, page => Assert.Equal(pages[0].Path, page.Path));
            Assert.All(pages, page => Assert.Equal(WithoutTokens(pages[0].Html), WithoutTokens(page.Html)));
        }

        Assert.Single(Twilio.MessagesTo(TestBootstrap.PhoneOf("vera")));
        Assert.Empty(Twilio.MessagesTo(TestBootstrap.PhoneOf("wade")));
        Assert.DoesNotContain(Twilio.MessagesTo("+14155550100"), sms => sms.Form["Body"].Contains("reset your password"));
    }

    [SkippableFact]
    public async Task FiveWrongCodes_LockTheFlow_TheRightCodeThenFailsToo()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("xia");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("xia"), seenBefore: 0);

        // A slip of the finger (two digits) is refused without costing one of the five attempts.
        var slip = await browser.SubmitResetCodeAsync(page, code[..2]);
        var first = await browser.SubmitResetCodeAsync(page, PasswordResetSteps.Other(code));
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            page = await browser.SubmitResetCodeAsync(page, PasswordResetSteps.Other(code));
        }

        var right = await browser.SubmitResetCodeAsync(first, code);

        Assert.Equal("That is not the whole code: it is only digits, as many as the message shows. Check it and enter it again; "
            + "this did not count as an attempt.", slip.FieldError("code-error"));
        Assert.Equal("That code is not correct, or a newer code was sent since. 4 attempts left.", first.FieldError("code-error"));
        Assert.Contains("this reset is locked. Start again.", page.Text);
        Assert.NotEqual("/account/new-password", right.Path);
        Assert.Contains(AuditEventTypes.PasswordResetLocked, await AuditTypesAsync("xia"));
        Assert.Equal(5, (await AuditTypesAsync("xia")).Count(type => type == AuditEventTypes.PasswordResetCodeFailed));
    }

    [SkippableFact]
    public async Task RightCode_SubmittedFiftyTimesAtOnce_OneSuccess()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("yann");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("yann"), seenBefore: 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.SubmitResetCodeAsync(page, code)));

        Assert.Single(results, result => result.Path == "/account/new-password");
    }

    [SkippableFact]
    public async Task CodeOfAnotherFlowOrBrowser_Refused_AndAnOldCodeAfterResend()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("zoe");
        using var first = Factory.CreateBrowser();
        var firstPage = await first.StartResetAsync("zoe");
        var firstCode = await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);
        using var second = Factory.CreateBrowser();
        var secondPage = await second.StartResetAsync("zoe");
        var secondCode = await Twilio.NextSmsCodeAsync(phone, seenBefore: 1);
        using var stranger = Factory.CreateBrowser();

        var foreignCode = await second.SubmitResetCodeAsync(secondPage, firstCode);
        // Someone who learnt the first flow's id, without the first browser's secret.
        var firstFlowId = first.Cookies.GetCookies(new Uri(IdpFactory.Origin + "/account"))[ResetFlowCookie.Name]!.Value.Split('.')[0];
        using var forger = Factory.CreateBrowser();
        forger.Cookies.Add(new Uri(IdpFactory.Origin + "/account"), new Cookie(ResetFlowCookie.Name, $"{firstFlowId}.forged-secret",
            "/account"));
        var forged = await forger.OpenAsync("/account/reset-code");
        var noFlow = await stranger.PostAsync(new Uri(IdpFactory.Origin + "/account/reset-code?handler=Verify"), new Dictionary<string,
            string>
        {
            ["Code"] = firstCode, ["__RequestVerificationToken"] = secondPage.InputValue("__RequestVerificationToken")!,
        });
        var tooSoon = await first.RequestNewResetCodeAsync(firstPage);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var resent = await first.RequestNewResetCodeAsync(firstPage);
        var thirdCode = await Twilio.NextSmsCodeAsync(phone, seenBefore: 2);
        var oldCode = await first.SubmitResetCodeAsync(resent, firstCode);
        var newCode = await first.SubmitResetCodeAsync(oldCode, thirdCode);

        Assert.NotEqual("/account/new-password", foreignCode.Path);
        Assert.NotEqual("/account/new-password", noFlow.Path);
        Assert.Equal("/account/forgot-password", forged.Path);
        Assert.Matches(@"Wait a little: you can ask for a new code in \d+ seconds\.", tooSoon.Text);
        Assert.Contains("A new code is on its way.", resent.Text);
        if (firstCode != thirdCode && firstCode != secondCode)
        {
            Assert.Equal("/account/reset-code", oldCode.Path);
            Assert.StartsWith("That code is not correct, or a newer code was sent since.", oldCode.FieldError("code-error"));
        }

        Assert.Equal("/account/new-password", newCode.Path);
    }

    [SkippableFact]
    public async Task AfterReset_RefreshTokenAndOtherSessionsAreDead_MfaStillRequired()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("gina");
        using var appBrowser = Factory.CreateBrowser();
        var agent = new UserAgent(appBrowser, "gina", TestBootstrap.Password, otherPage: async page =>
            await appBrowser.SubmitCodeAsync(page, await Twilio.NextSmsCodeAsync(phone, seenBefore: 0)));
        var login = await OidcClients.Create(Factory, agent, TestBootstrap.WebClientId, TestBootstrap.WebClientSecret).LoginAsync();
        Assert.False(login.IsError, login.Error);

        using var resetBrowser = Factory.CreateBrowser();
        var codePage = await resetBrowser.StartResetAsync("gina");
        var code = await Twilio.NextSmsCodeAsync(phone, seenBefore: 1);
        var loginPage = await resetBrowser.SetNewPasswordAsync(await resetBrowser.SubmitResetCodeAsync(codePage, code));
        var afterPassword = await resetBrowser.SubmitAsync(loginPage, new Dictionary<string, string>
        {
            ["Input.UserName"] = "gina", ["Input.Password"] = PasswordResetSteps.NewPassword,
        });

        using var backchannel = OidcClients.Backchannel(Factory);
        var refreshed = await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
                RefreshToken = login.RefreshToken,
        });
        var appSession = await appBrowser.OpenAsync("/account/manage");

        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Equal("/account/login", appSession.Path);
        Assert.Equal("/account/second-factor", afterPassword.Path);
    }

    [SkippableFact]
    public async Task AfterReset_PasskeyKeptAndNotBypassed_NextSignInAsksForItFirst()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var policy = await database.Set<SecurityPolicy>().AsNoTracking()
                .SingleAsync(p => p.Name == TestBootstrap.MfaResetPolicyName);
            policy.Mfa.PasskeyEnabled = true;
            var saved = await scope.ServiceProvider.GetRequiredService<PolicyAdministration>().SaveAsync(policy.Id, policy,
                new Administrator("test", null), CancellationToken.None);
            Assert.True(saved.Succeeded);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var hugo = (await users.FindByNameAsync("hugo"))!;
            await users.AddOrUpdatePasskeyAsync(hugo, new UserPasskeyInfo(RandomNumberGenerator.GetBytes(16),
                RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["internal"], isUserVerified: true,
                isBackupEligible: true, isBackedUp: false, attestationObject: [0], clientDataJson: [0]) { Name = "Hugo's phone" });
        }

        using var browser = Factory.CreateBrowser();
        var codePage = await browser.StartResetAsync("hugo");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("hugo"), seenBefore: 0);
        var loginPage = await browser.SetNewPasswordAsync(await browser.SubmitResetCodeAsync(codePage, code));
        var afterPassword = await browser.SubmitAsync(loginPage, new Dictionary<string, string>
        {
            ["Input.UserName"] = "hugo", ["Input.Password"] = PasswordResetSteps.NewPassword,
        });
        await using var check = Factory.Services.CreateAsyncScope();
        var userManager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var passkeys = await userManager.GetPasskeysAsync((await userManager.FindByNameAsync("hugo"))!);

        Assert.Equal("/account/second-factor", afterPassword.Path);
        Assert.NotNull(afterPassword.Document.QuerySelector("form[data-passkey=get] button"));
        Assert.Equal("Hugo's phone", Assert.Single(passkeys).Name);
    }

    [SkippableFact]
    public async Task SpanishBrowser_SmsPageMessagesAndPasswordRulesInSpanish_OriginLineUnchanged()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await browser.StartResetAsync("fred");
        var body = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("fred"))).Single().Form["Body"];
        var code = Phone.CodeIn(body);
        var empty = await browser.SubmitResetCodeAsync(page, "");
        var wrong = await browser.SubmitResetCodeAsync(page, PasswordResetSteps.Other(code));
        var tooShort = await browser.SetNewPasswordAsync(await browser.SubmitResetCodeAsync(page, code), "corta");

        Assert.Equal("Introduzca su código", page.Document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(code + " es su código para restablecer la contraseña. Caduca en 10 minutos.", body);
        Assert.EndsWith("@localhost #" + code, body);
        Assert.Equal("Introduzca el código del mensaje de texto.", empty.FieldError("code-error"));
        Assert.Equal("Ese código no es correcto o se ha enviado uno más reciente. Quedan 4 intentos.", wrong.FieldError("code-error"));
        Assert.StartsWith("Use al menos 12 caracteres", tooShort.FieldError("new-error"));
    }

    [SkippableFact]
    public async Task SpoofedHostHeaders_ChangeNoLinkAndNoSmsText()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.Host = "evil.example";
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        var page = await browser.StartResetAsync("abel");
        var sms = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("abel"))).Single().Form["Body"];

        Assert.Equal("/account/reset-code", page.Path);
        Assert.DoesNotContain("evil.example", page.Html);
        Assert.DoesNotContain("evil.example", sms);
        Assert.Contains("@localhost #", sms);
    }

    [SkippableFact]
    public async Task PolicyLimitPerUserPerHour_SixthCodeIsNotSent()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("beth");
        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("beth");
        for (var sent = 1; sent <= 5; sent++)
        {
            await Twilio.NextSmsCodeAsync(phone, seenBefore: sent - 1);
            Factory.Clock.Advance(TimeSpan.FromSeconds(61));
            page = await browser.RequestNewResetCodeAsync(page);
        }

        await Factory.WaitForCodeOutcomesAsync("beth", count: 6);

        Assert.Contains("A new code is on its way.", page.Text);
        Assert.Equal(5, Twilio.MessagesTo(phone).Count);
        Assert.Contains(AuditEventTypes.PasswordResetCodeNotSent, await AuditTypesAsync("beth"));
    }

    [SkippableFact]
    public async Task AdministratorIssuedReset_LinkInTheSmsOpensTheFlowInOneBrowserOnly()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("cole");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/users/send-reset-code");
        var refused = await admin.SubmitAsync(form, new Dictionary<string, string> { ["UserName"] = "bob" });
        var sent = await admin.SubmitAsync(form, new Dictionary<string, string> { ["UserName"] = "cole" });

        var body = (await Twilio.WaitForMessagesToAsync(phone)).Single().Form["Body"];
        var link = new Uri(body.Split(' ').Single(word => word.StartsWith(IdpFactory.Origin + "/account/reset-code",
            StringComparison.Ordinal)));
        using var browser = Factory.CreateBrowser();
        var codePage = await browser.OpenAsync(link.PathAndQuery);
        var newPassword = await browser.SubmitResetCodeAsync(codePage, Phone.CodeIn(body));
        using var someoneElse = Factory.CreateBrowser();
        var secondOpening = await someoneElse.OpenAsync(link.PathAndQuery);

        Assert.Equal("No code can be sent to bob: The policy 'Default' does not enable the SMS factor.",
            refused.FieldError("username-error"));
        Assert.Contains("A reset code is on its way to cole at +•••••••••", sent.Text);
        Assert.Equal("/account/reset-code", codePage.Path);
        Assert.Equal("/account/new-password", newPassword.Path);
        Assert.Equal("/account/forgot-password", secondOpening.Path);
        Assert.Contains(MethodModel.StartAgain, secondOpening.Text);
        Assert.Contains(AuditEventTypes.PasswordResetIssuedByAdministrator, await AuditTypesAsync("cole"));
    }

    [SkippableFact]
    public async Task SendResetCodePage_SignedOutGoesToLogin_NonAdministratorForbidden()
    {
        using var anonymous = Factory.CreateBrowser();
        using var user = await Factory.CreateSignedInBrowserAsync("carol");

        var signedOut = await anonymous.OpenAsync("/admin/users/send-reset-code");
        var forbidden = await user.Client.GetAsync("/admin/users/send-reset-code");

        Assert.Equal("/account/login", signedOut.Path);
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Equal("/error/403", new Uri(new Uri(IdpFactory.Origin), forbidden.Headers.Location!).AbsolutePath);
    }

    [SkippableFact]
    public async Task CodeAfterItsLifetime_Expired_ANewOneWorks()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("eli");
        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("eli");
        var code = await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);

        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await browser.SubmitResetCodeAsync(page, code);
        var resent = await browser.RequestNewResetCodeAsync(expired);
        var accepted = await browser.SubmitResetCodeAsync(resent, await Twilio.NextSmsCodeAsync(phone, seenBefore: 1));

        Assert.Equal("That code has expired. Send a new code.", expired.FieldError("code-error"));
        Assert.Equal("/account/new-password", accepted.Path);
    }

    [SkippableFact]
    public async Task NewPassword_PolicyRulesApply_FormSaysWhatToChange()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("dina");
        var newPasswordPage = await browser.SubmitResetCodeAsync(page, await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("dina"),
            seenBefore: 0));

        var tooShort = await browser.SetNewPasswordAsync(newPasswordPage, "short");
        var sameAsBefore = await browser.SetNewPasswordAsync(tooShort, TestBootstrap.Password);

        Assert.Equal("/account/new-password", tooShort.Path);
        Assert.Equal("Use at least 12 characters; a few words make a password that is long and easy to remember.",
            tooShort.FieldError("new-error"));
        Assert.StartsWith("You have used this password recently", sameAsBefore.FieldError("new-error"));
    }

    private async Task<List<string>> AuditTypesAsync(string userName) =>
        (await Factory.AuditEventsOfAsync(userName)).Select(e => e.Type).ToList();

    // Anti-forgery tokens differ per request by design, and the resend time by the moment of the request; everything
    // else must be byte for byte the same.
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(
            html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|data-retry-at=\"[0-9]*\"|in [0-9]+ seconds", "");
}

public sealed class PasswordResetTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : PasswordResetTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class PasswordResetTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : PasswordResetTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
