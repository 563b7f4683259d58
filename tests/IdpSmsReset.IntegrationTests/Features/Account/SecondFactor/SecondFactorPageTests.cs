using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.SecondFactor;

/// <summary>Sign-ins whose policy requires a second factor, by SMS (WireMock as Twilio) or authenticator app.</summary>
public abstract class SecondFactorPageTests : TwilioBackedTests
{

    protected SecondFactorPageTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        // Every request re-checks the session, so the tests see what a browser sees a minute later.
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task SmsRequired_RelyingAppSignIn_CodeFromTwilioCompletesIt_IdTokenSaysPwdSmsMfa()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("ivan");
        using var browser = Factory.CreateBrowser();
        var agent = new UserAgent(browser, "ivan", TestBootstrap.Password, otherPage: async page =>
        {
            Assert.Equal("/account/second-factor", page.Path);
            Assert.Equal("Enter the code we sent by SMS to +•••••••••00.",
                page.Document.GetElementById("code-sent")!.TextContent);
            // Said once: no notice above repeats that a code went to the phone.
            Assert.Null(page.Document.QuerySelector(".notice"));
            return await browser.SubmitCodeAsync(page, await Twilio.NextSmsCodeAsync(phone, seenBefore: 0));
        });
        var client = OidcClients.Create(Factory, agent, TestBootstrap.SpaClientId);

        var result = await client.LoginAsync();
        var pagesSeen = agent.PagesSeen.ToList();
        // Signed in now: a second sign-in of the application passes silently, with the same methods (cookie renewed meanwhile).
        agent.PagesSeen.Clear();
        var again = await client.LoginAsync();

        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        Assert.Equal(["/account/login", "/account/second-factor"], pagesSeen);
        Assert.Equal(["pwd", "sms", "mfa"], result.User.FindAll("amr").Select(claim => claim.Value));
        Assert.False(again.IsError, again.Error);
        Assert.Empty(agent.PagesSeen);
        Assert.Equal(["pwd", "sms", "mfa"], again.User.FindAll("amr").Select(claim => claim.Value));
        var sms = Assert.Single(Twilio.MessagesTo(phone));
        Assert.Equal((FakeTwilio.AccountSid, FakeTwilio.AuthToken), sms.Credentials);
        Assert.EndsWith("\n\n@localhost #" + Phone.CodeIn(sms.Form["Body"]), sms.Form["Body"]);
    }

    [SkippableFact]
    public async Task PasswordDone_SecondFactorPending_PromptNoneAndAccountPageStillSignedOut()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();

        var secondStep = await browser.SubmitPasswordAsync("judy");
        var silent = await AuthorizationRequests.SilentAsync(browser);
        var account = await browser.OpenAsync("/account/manage");

        Assert.Equal("/account/second-factor", secondStep.Path);
        Assert.Equal("login_required", silent["error"]);
        Assert.Equal("/account/login", account.Path);
    }

    [SkippableFact]
    public async Task SessionWithPasswordOnly_PolicyStartsRequiringMfa_PromptNoneLoginRequired()
    {
        using var browser = await Factory.CreateSignedInBrowserAsync("carol");
        var before = await AuthorizationRequests.SilentAsync(browser);
        Guid mfaPolicy;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            mfaPolicy = (await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>()
                .FindByNameAsync(TestBootstrap.MfaPolicyName, CancellationToken.None))!.Id;
        }

        await Factory.ChangeUserAsync("carol", (users, carol) =>
        {
            carol.SecurityPolicyId = mfaPolicy;
            return users.UpdateAsync(carol);
        });
        var after = await AuthorizationRequests.SilentAsync(browser);

        Assert.True(before.ContainsKey("code"));
        Assert.Equal("login_required", after["error"]);
    }

    [SkippableFact]
    public async Task WrongSmsCode_SaysAttemptsLeft_ThenTheRightCodeSignsIn()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.SubmitPasswordAsync("mallory");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("mallory"), seenBefore: 0);

        var slip = await browser.SubmitCodeAsync(page, code[..5]);
        var wrong = await browser.SubmitCodeAsync(slip, code == "000000" ? "111111" : "000000");
        var right = await browser.SubmitCodeAsync(wrong, code);
        var reused = await browser.SubmitCodeAsync(await browser.SubmitPasswordAsync("mallory"), code);

        Assert.Equal("/account/second-factor", wrong.Path);
        Assert.Equal("That is not the whole code: it is only digits, as many as the message shows. Check it and enter it again; "
            + "this did not count as an attempt.", slip.FieldError("code-error"));
        Assert.Equal(code[..5], slip.InputValue("Input.Code"));
        Assert.Equal("That code is not correct. 4 attempts left for this code.", wrong.FieldError("code-error"));
        Assert.Equal(code == "000000" ? "111111" : "000000", wrong.InputValue("Input.Code"));
        Assert.Equal("/", right.Path);
        Assert.Equal("That code has already been used. Send a new code.", reused.FieldError("code-error"));
        var events = await Factory.AuditEventsOfAsync("mallory");
        Assert.Equal(2, events.Count(e => e is { Type: AuditEventTypes.SecondFactorFailed, Details: "Method: sms." }));
        Assert.Single(events, e => e is { Type: AuditEventTypes.SecondFactorSucceeded, Actor: "mallory", Details: "Method: sms." });
    }

    [SkippableFact]
    public async Task SmsCode_SubmittedEightTimesAtOnce_SignsInOnce()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.SubmitPasswordAsync("rupert");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("rupert"), seenBefore: 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.SubmitCodeAsync(page, code)));

        Assert.Single(results, result => result.Path == "/");
        Assert.All(results.Where(result => result.Path != "/"), result => Assert.Contains(result.Path, new[] { "/account/second-factor",
            "/account/login" }));
    }

    [SkippableFact]
    public async Task SendAgainWithinCooldown_SaysWhenAndSendsNothing()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("niaj");
        using var browser = Factory.CreateBrowser();
        var page = await browser.SubmitPasswordAsync("niaj");
        await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);

        var again = await browser.SubmitAsync(page, formSelector: "form[action*='handler=Send']");
        await Task.Delay(500);

        Assert.Matches(@"A code was sent moments ago\. You can ask for another in \d+ seconds\.", again.Text);
        Assert.Single(Twilio.MessagesTo(phone));
    }

    [SkippableFact]
    public async Task SendAgain_PressedFourTimesAtOnceAfterTheCooldown_SendsOneCode()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("sybil");
        using var browser = Factory.CreateBrowser();
        var page = await browser.SubmitPasswordAsync("sybil");
        await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);
        await AgeSmsCodesAsync("sybil", TimeSpan.FromMinutes(5));

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            browser.SubmitAsync(page, formSelector: "form[action*='handler=Send']")));
        await Twilio.NextSmsCodeAsync(phone, seenBefore: 1);
        await Task.Delay(500);

        Assert.Equal(2, Twilio.MessagesTo(phone).Count);
        Assert.Equal(3, pages.Count(again => again.Text.Contains("A code was sent moments ago", StringComparison.Ordinal)));
    }

    // Ages the codes already sent instead of moving the class's clock, which authenticator codes (real time) must match.
    private async Task AgeSmsCodesAsync(string userName, TimeSpan age)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var userId = await database.Users.Where(user => user.UserName == userName).Select(user => user.Id).SingleAsync();
        foreach (var challenge in await database.Set<SmsChallenge>().Where(challenge => challenge.UserId == userId).ToListAsync())
        {
            challenge.CreatedAt -= age;
        }

        await database.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task WrongCodes_ReachThePolicyLimit_AccountLockedAndPasswordFailuresUncounted()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        var page = await browser.SubmitPasswordAsync("olivia");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("olivia"), seenBefore: 0);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            page = await browser.SubmitCodeAsync(page, wrong);
        }

        var login = await browser.SubmitPasswordAsync("olivia");

        Assert.Contains("Too many failed attempts. Sign-in is locked for 5 more minutes; try again then.", page.Text);
        Assert.Contains("Too many failed attempts. Sign-in is locked", login.Text);
        Assert.Equal("/account/login", login.Path);
        await using var scope = Factory.Services.CreateAsyncScope();
        var olivia = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Users.SingleAsync(user => user.UserName == "olivia");
        Assert.Equal(0, olivia.AccessFailedCount);
    }

    [SkippableFact]
    public async Task AuthenticatorRequiredWithoutOne_EnrolsAfterPassword_ThenSignsInWithAppCodeOnly()
    {
        using var browser = Factory.CreateBrowser();
        var enrol = await browser.SubmitPasswordAsync("trent");
        var silent = await AuthorizationRequests.SilentAsync(browser);
        var key = enrol.Document.GetElementById("authenticator-key")!.TextContent;

        var wrong = await browser.SubmitAsync(enrol, new Dictionary<string, string> { ["Setup.Code"] = "000000" },
            formSelector: "form[action*='handler=App']");
        var enrolled = await browser.SubmitAsync(wrong, new Dictionary<string, string> { ["Setup.Code"] = Phone.AuthenticatorCode(key) },
            formSelector: "form[action*='handler=App']");

        using var laterBrowser = Factory.CreateBrowser();
        var agent = new UserAgent(laterBrowser, "trent", TestBootstrap.Password, otherPage: page =>
        {
            Assert.Equal("/account/second-factor", page.Path);
            // The enrolment used this step's code; the app shows the next one half a minute later.
            return laterBrowser.SubmitCodeAsync(page, Phone.AuthenticatorCode(key, stepsAhead: 1));
        });
        var result = await OidcClients.Create(Factory, agent, TestBootstrap.SpaClientId).LoginAsync();

        Assert.Equal("/account/second-factor/enrol", enrol.Path);
        Assert.Equal("login_required", silent["error"]);
        Assert.Equal("That code is not correct. Enter the current code your authenticator app shows.",
            wrong.FieldError("setup-code-error"));
        Assert.Equal(key, wrong.Document.GetElementById("authenticator-key")!.TextContent);
        Assert.Equal(10, enrolled.Document.QuerySelectorAll(".codes li").Length);
        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        Assert.Equal(["pwd", "otp", "mfa"], result.User.FindAll("amr").Select(claim => claim.Value));
    }

    [SkippableFact]
    public async Task UserWithAFactor_PostsToEnrolment_CannotAddAnAppToSkipIt()
    {
        await Factory.ConfigureSmsFactorAsync();
        // A valid setup form, as anyone can get on their own account page.
        using var attackerOwn = await Factory.CreateSignedInBrowserAsync("bob");
        var setup = await attackerOwn.OpenAsync("/account/manage/authenticator");
        var sealedSecret = setup.InputValue("Setup.SealedSecret")!;
        var key = setup.Document.GetElementById("authenticator-key")!.TextContent;
        using var browser = Factory.CreateBrowser();
        var secondStep = await browser.SubmitPasswordAsync("peggy");
        var token = secondStep.InputValue("__RequestVerificationToken")!;

        var posted = await browser.PostAsync(new Uri(IdpFactory.Origin + "/account/second-factor/enrol?handler=App"), new Dictionary<string,
            string>
        {
            ["__RequestVerificationToken"] = token, ["Setup.SealedSecret"] = sealedSecret, ["Setup.Code"] = Phone.AuthenticatorCode(key),
        });
        var account = await browser.OpenAsync("/account/manage");

        Assert.Equal("/account/second-factor", posted.Path);
        Assert.Equal("/account/login", account.Path);
    }

    [SkippableFact]
    public async Task AuthenticatorCode_UsedOnce_RefusedTheSecondTime()
    {
        using var browser = Factory.CreateBrowser();
        var enrol = await browser.SubmitPasswordAsync("victor");
        var key = enrol.Document.GetElementById("authenticator-key")!.TextContent;
        await browser.SubmitAsync(enrol, new Dictionary<string, string> { ["Setup.Code"] = Phone.AuthenticatorCode(key) },
            formSelector: "form[action*='handler=App']");
        var next = Phone.AuthenticatorCode(key, stepsAhead: 1);

        using var first = Factory.CreateBrowser();
        var signedIn = await first.SubmitCodeAsync(await first.SubmitPasswordAsync("victor"), next);
        using var second = Factory.CreateBrowser();
        var slip = await second.SubmitCodeAsync(await second.SubmitPasswordAsync("victor"), next[..5]);
        var replayed = await second.SubmitCodeAsync(slip, next);

        Assert.Equal("An authenticator app shows 6 digits: check them and enter them again; this did not count as an attempt.",
            slip.FieldError("code-error"));
        // Only the replay counted: the five digits were refused before the code was compared.
        Assert.Equal(1, (await Factory.AuditEventsOfAsync("victor")).Count(e => e.Type == AuditEventTypes.SecondFactorFailed));
        Assert.Equal("/", signedIn.Path);
        Assert.Equal("/account/second-factor", replayed.Path);
        Assert.Equal("That code is not correct. Enter the current code from your authenticator app.", replayed.FieldError("code-error"));
    }

    [SkippableFact]
    public async Task RecoveryCode_SignsInOnce()
    {
        using var browser = Factory.CreateBrowser();
        var enrol = await browser.SubmitPasswordAsync("walter");
        var key = enrol.Document.GetElementById("authenticator-key")!.TextContent;
        var enrolled = await browser.SubmitAsync(enrol, new Dictionary<string, string> { ["Setup.Code"] = Phone.AuthenticatorCode(key) },
            formSelector: "form[action*='handler=App']");
        var recoveryCode = enrolled.Document.QuerySelector(".codes li code")!.TextContent;

        using var lostPhone = Factory.CreateBrowser();
        var appPage = await lostPhone.SubmitPasswordAsync("walter");
        var recoveryPage = await lostPhone.OpenAsync(appPage.Document.QuerySelector("a[href*='Method=recovery']")!.GetAttribute("href")!);
        var signedIn = await lostPhone.SubmitCodeAsync(recoveryPage, recoveryCode.ToLowerInvariant());
        using var again = Factory.CreateBrowser();
        await again.SubmitPasswordAsync("walter");
        var reused = await again.SubmitCodeAsync(await again.OpenAsync("/account/second-factor?Method=recovery"), recoveryCode);

        Assert.Contains("Enter one of the recovery codes", recoveryPage.Text);
        Assert.Equal("/", signedIn.Path);
        Assert.Equal("That recovery code is not correct or has already been used.", reused.FieldError("code-error"));
        var events = await Factory.AuditEventsOfAsync("walter");
        Assert.Single(events, e => e.Type == AuditEventTypes.RecoveryCodeUsed);
        Assert.Single(events, e => e is { Type: AuditEventTypes.SecondFactorSucceeded, Details: "Method: recovery." });
        Assert.Single(events, e => e is { Type: AuditEventTypes.SecondFactorFailed, Details: "Method: recovery." });
    }
}

public sealed class SecondFactorPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SecondFactorPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SecondFactorPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SecondFactorPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
