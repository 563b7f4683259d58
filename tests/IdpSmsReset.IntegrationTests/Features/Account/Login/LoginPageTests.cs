using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Account.ForgotPassword;
using IdpSmsReset.Server.Features.Account.Login;

namespace IdpSmsReset.IntegrationTests.Features.Account.Login;

public abstract class LoginPageTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task WrongPassword_ShowsMessageAndKeepsTheUserName()
    {
        using var browser = factory.CreateBrowser();

        var page = await SignInAsync(browser, "alice", "not the password at all");

        Assert.Equal("/account/login", page.Path);
        Assert.Contains(LoginModel.InvalidCredentials, page.Text);
        Assert.Equal("alice", page.InputValue("Input.UserName"));
        Assert.True(string.IsNullOrEmpty(page.InputValue("Input.Password")));
    }

    [SkippableFact]
    public async Task SmsFactorNotConfigured_NoForgotPasswordLink_ResetPageSaysWhoCanHelp()
    {
        using var browser = factory.CreateBrowser();

        var login = await browser.OpenAsync("/account/login");
        var forgot = await browser.OpenAsync("/account/forgot-password");

        Assert.Null(login.Document.GetElementById("forgot-password"));
        Assert.Contains(ForgotPasswordModel.NotAvailable, forgot.Text);
        Assert.Null(forgot.Document.QuerySelector("input[name='Input.Login']"));
    }

    [SkippableFact]
    public async Task UnknownUser_ShowsTheSameMessageAsAWrongPassword()
    {
        using var browser = factory.CreateBrowser();

        var unknown = await SignInAsync(browser, "nobody-here", "whatever password");
        var wrong = await SignInAsync(browser, "bob", "whatever password");

        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.Html.Replace("bob", "X"), unknown.Html.Replace("nobody-here", "X").Replace(Token(unknown), Token(wrong)));
    }

    [SkippableFact]
    public async Task EmptyForm_NamesEachMissingField()
    {
        using var browser = factory.CreateBrowser();

        var page = await SignInAsync(browser, "", "");

        Assert.Equal("Enter your username or email address.", page.FieldError("username-error"));
        Assert.Equal("Enter your password.", page.FieldError("password-error"));
        Assert.Contains("aria-invalid=\"true\"", page.Html);
    }

    [SkippableFact]
    public async Task Email_SignsInLikeTheUserName()
    {
        using var browser = factory.CreateBrowser();

        var page = await SignInAsync(browser, "carol@example.com", TestBootstrap.Password);

        Assert.Equal("/", page.Path);
        Assert.Contains("Signed in as", page.Text);
    }

    [SkippableFact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenTheRightPasswordIsThenRefused()
    {
        using var browser = factory.CreateBrowser();
        var results = new List<BrowserPage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            results.Add(await SignInAsync(browser, "dave", "wrong password " + attempt));
        }

        var withRightPassword = await SignInAsync(browser, "dave", TestBootstrap.Password);

        Assert.All(results.Take(4), page => Assert.Contains(LoginModel.InvalidCredentials, page.Text));
        Assert.Contains("Sign-in is locked for 5 more minutes; try again then.", results[4].Text);
        Assert.Contains("Too many failed attempts. Sign-in is locked", withRightPassword.Text);
        Assert.Equal("/account/login", withRightPassword.Path);
    }

    [SkippableFact]
    public async Task WrongPasswords_UnderAStricterPolicy_LockSoonerAndSayForHowLong()
    {
        using var browser = factory.CreateBrowser();
        var results = new List<BrowserPage>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            results.Add(await SignInAsync(browser, "heidi", "wrong password " + attempt));
        }

        Assert.All(results.Take(2), page => Assert.Contains(LoginModel.InvalidCredentials, page.Text));
        Assert.Contains("Sign-in is locked for 15 more minutes; try again then.", results[2].Text);
    }

    [SkippableFact]
    public async Task FiveFailuresForAnUnknownUser_LookLikeALockedAccount()
    {
        using var browser = factory.CreateBrowser();
        var results = new List<BrowserPage>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            results.Add(await SignInAsync(browser, "ghost", "wrong password " + attempt));
        }

        Assert.All(results.Take(4), page => Assert.Contains(LoginModel.InvalidCredentials, page.Text));
        Assert.Contains("Sign-in is locked for 5 more minutes; try again then.", results[4].Text);
        Assert.Contains("Too many failed attempts. Sign-in is locked", results[5].Text);
    }

    [SkippableFact]
    public async Task ExternalReturnUrl_IsIgnored_UserLandsOnTheHomePage()
    {
        using var browser = factory.CreateBrowser();
        var form = await browser.OpenAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/"));

        var page = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = "erin", ["Input.Password"] = TestBootstrap.Password,
        });

        Assert.Null(page.ExternalRedirect);
        Assert.Equal("/", page.Path);
    }

    [SkippableFact]
    public async Task PostWithoutAntiforgeryToken_IsRejected()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "erin", ["Input.Password"] = TestBootstrap.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task LoginPage_IsNotFramableAndNotCached()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.Client.GetAsync("/account/login");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    private static async Task<BrowserPage> SignInAsync(TestBrowser browser, string userName, string password)
    {
        var form = await browser.OpenAsync("/account/login");
        return await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password,
        });
    }

    private static string Token(BrowserPage page) => page.InputValue("__RequestVerificationToken") ?? "";
}

public sealed class LoginPageTestsOnSqlite(SqliteIdpFactory factory) : LoginPageTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class LoginPageTestsOnPostgreSql(PostgreSqlIdpFactory factory) : LoginPageTests(factory), IClassFixture<PostgreSqlIdpFactory>;
