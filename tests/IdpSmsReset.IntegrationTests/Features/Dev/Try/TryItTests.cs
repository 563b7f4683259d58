using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Dev.Try;

/// <summary>
/// <c>/dev/try</c> in the server as a newcomer starts it (Development, the demo bootstrap, a port of its own): the built-in
/// relying application signs a demo user in over real HTTP, and shows what an application receives.
/// </summary>
public sealed class TryItTests(TryItTests.DemoServer server) : IClassFixture<TryItTests.DemoServer>
{
    private const string DemoPassword = "correct horse battery";

    [Fact]
    public async Task PublicDemoApplication_SignInThenRefresh_ShowsCheckedIdTokenUserInfoAndNewTokens()
    {
        using var browser = Browser();
        var form = await browser.OpenAsync("/dev/try");

        var login = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "demo-spa", ["Input.Scope"] = "openid profile email offline_access", ["Input.UiLocales"] = "fr",
        });
        var answer = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "alice", ["Input.Password"] = DemoPassword,
        });
        var refreshed = await browser.SubmitAsync(answer, formSelector: "form[action*='Refresh']");

        Assert.Equal("/account/login", login.Path);
        Assert.Equal("fr", login.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/dev/try/callback", answer.Path);
        Assert.Null(answer.Document.GetElementById("try-problem"));
        Assert.StartsWith("Checked as a relying application must", answer.Document.GetElementById("id-token-check")!.TextContent.Trim());
        Assert.Contains("\"preferred_username\": \"alice\"", answer.Document.GetElementById("id-token-claims")!.TextContent);
        Assert.Contains("\"email\": \"alice@example.com\"", answer.Document.GetElementById("userinfo")!.TextContent);
        Assert.Contains("\"client_id\": \"demo-spa\"", answer.Document.GetElementById("access-token-claims")!.TextContent);
        Assert.Equal("Refreshed", refreshed.Document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Checked", refreshed.Document.GetElementById("id-token-check")!.TextContent.Trim());
        Assert.Contains("alice@example.com", refreshed.Document.GetElementById("userinfo")!.TextContent);
    }

    [Fact]
    public async Task ConfidentialDemoApplication_SecretFromTheDemoBootstrapAndConsent_SignsIn()
    {
        using var browser = Browser();
        var form = await browser.OpenAsync("/dev/try");

        var login = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.ClientId"] = "demo-web" });
        var consent = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "alice", ["Input.Password"] = DemoPassword,
        });
        var answer = await browser.SubmitAsync(consent, button: "button[value='accept']");

        Assert.Null(form.Document.QuerySelector("input[name='Input.ClientSecret']"));
        Assert.Equal("/connect/consent", consent.Path);
        Assert.Equal("/dev/try/callback", answer.Path);
        Assert.Contains("\"aud\": \"demo-web\"", answer.Document.GetElementById("id-token-claims")!.TextContent);
    }

    [Fact]
    public async Task PromptNone_WithoutASession_ShowsTheOAuthErrorTheApplicationGets()
    {
        using var browser = Browser();
        var form = await browser.OpenAsync("/dev/try");

        var answer = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "demo-spa", ["Input.Prompt"] = "none",
        });

        Assert.Equal("/dev/try/callback", answer.Path);
        Assert.StartsWith("login_required: ", answer.Document.GetElementById("try-problem")!.TextContent);
    }

    [Fact]
    public async Task Callback_WithAStateThisBrowserDidNotSend_IsIgnored()
    {
        using var browser = Browser();
        var form = await browser.OpenAsync("/dev/try");
        var login = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.ClientId"] = "demo-spa" });

        var forged = await browser.OpenAsync("/dev/try/callback?code=stolen-code&state=forged");

        Assert.Equal("/account/login", login.Path);
        Assert.StartsWith("The state does not match", forged.Document.GetElementById("try-problem")!.TextContent);
        Assert.Null(forged.Document.GetElementById("id-token-claims"));
    }

    [Fact]
    public async Task Form_BadScopeAndLocale_RefusedWithMessagesAndWhatWasTypedKept()
    {
        using var browser = Browser();
        var form = await browser.OpenAsync("/dev/try");

        var refused = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "demo-spa", ["Input.Scope"] = "openid  \"profile\"", ["Input.UiLocales"] = "french please!",
        });

        Assert.Equal("/dev/try", refused.Path);
        Assert.StartsWith("Separate scopes by single spaces", refused.FieldError("scope-error"));
        Assert.StartsWith("Write language tags", refused.FieldError("locales-error"));
        Assert.Equal("openid  \"profile\"", refused.InputValue("Input.Scope"));
        Assert.Equal("french please!", refused.InputValue("Input.UiLocales"));
    }

    [Fact]
    public async Task DemoAdministrator_FactorsPage_SaysTheSmsGoesToTheSandboxNotTwilio()
    {
        using var browser = Browser();
        var login = await browser.OpenAsync("/admin/factors");
        var secondFactor = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin", ["Input.Password"] = "admin password please change",
        });
        var inbox = await browser.OpenAsync("/dev/sms");
        for (var wait = 0; wait < 100 && inbox.Document.QuerySelector(".sms-body") is null; wait++)
        {
            // The code goes out through a background job, as in production.
            await Task.Delay(200);
            inbox = await browser.OpenAsync("/dev/sms");
        }

        var code = System.Text.RegularExpressions.Regex.Match(inbox.Document.QuerySelector(".sms-body")!.TextContent, @"\b\d{6}\b").Value;

        var factors = await browser.SubmitAsync(secondFactor, new Dictionary<string, string> { ["Input.Code"] = code },
            formSelector: "form[action*='handler=Verify']");

        Assert.Equal("/account/second-factor", secondFactor.Path);
        Assert.Equal("/admin/factors", factors.Path);
        Assert.StartsWith("Configured for the Development SMS sandbox at",
            factors.Document.GetElementById("sms-status")!.TextContent.Trim());
        Assert.DoesNotContain("validated with Twilio", factors.Text);
    }

    private TestBrowser Browser()
    {
        var cookies = new System.Net.CookieContainer();
        return new TestBrowser(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
        }, cookies);
    }

    /// <summary>One server for the class: each test's browser is a new one, so their sign-ins do not meet.</summary>
    public sealed class DemoServer : IAsyncLifetime
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("idp-try-").FullName;
        private ServerProcess? _server;

        public string BaseUrl { get; } = $"http://127.0.0.1:{ServerProcess.FreePort()}";

        public async Task InitializeAsync()
        {
            _server = ServerProcess.Start(_directory, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
                ["Idp__Bootstrap__Path"] = Path.Combine(AppContext.BaseDirectory, "bootstrap.demo.json"),
            }, "--urls", BaseUrl);
            await _server.WaitUntilReadyAsync(BaseUrl, TimeSpan.FromSeconds(60));
        }

        public Task DisposeAsync()
        {
            _server?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }

            return Task.CompletedTask;
        }
    }
}
