using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// The log an operator reads: the main journeys and every refusal are in it with their reason, and no code,
/// password, token or full phone number ever is.
/// </summary>
public abstract partial class StructuredLogsTests : TwilioBackedTests
{
    private const string WrongPassword = "Wrong-Horse-Battery-7!";
    private const string UnknownName = "Typed-A-Password-Here-9!";

    protected StructuredLogsTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        // What a production server logs by default: information and above, from every category.
        factory.Settings["Logging:LogLevel:Default"] = "Information";
    }

    [SkippableFact]
    public async Task MainJourneys_EverySecretUsed_NoneInTheLogButEveryStepIs()
    {
        await Factory.ConfigureSmsFactorAsync();
        var secrets = new List<string> { TestBootstrap.Password, WrongPassword, UnknownName, PasswordResetSteps.NewPassword };

        // Wrong passwords, for an account and for a name no account has.
        using (var browser = Factory.CreateBrowser())
        {
            await browser.SubmitAsync(await browser.OpenAsync("/account/login"),
                new Dictionary<string, string> { ["Input.UserName"] = "alice", ["Input.Password"] = WrongPassword });
            await browser.SubmitAsync(await browser.OpenAsync("/account/login"),
                new Dictionary<string, string> { ["Input.UserName"] = UnknownName, ["Input.Password"] = WrongPassword });
        }

        // A relying application's sign-in with an SMS second factor, then a refresh.
        var ivanPhone = TestBootstrap.PhoneOf("ivan");
        secrets.Add(ivanPhone);
        using (var browser = Factory.CreateBrowser())
        {
            var agent = new UserAgent(browser, "ivan", TestBootstrap.Password, otherPage: async page =>
            {
                var code = await Twilio.NextSmsCodeAsync(ivanPhone, seenBefore: 0);
                secrets.Add(code);
                return await browser.SubmitCodeAsync(page, code);
            });
            var client = OidcClients.Create(Factory, agent, TestBootstrap.SpaClientId);
            var login = await client.LoginAsync();
            Assert.False(login.IsError, login.Error);
            var refreshed = await client.RefreshTokenAsync(login.RefreshToken);
            Assert.False(refreshed.IsError, refreshed.Error);
            secrets.AddRange([login.AccessToken, login.RefreshToken, login.IdentityToken, refreshed.AccessToken, refreshed.RefreshToken]);
        }

        // Forgot password by SMS.
        var umaPhone = TestBootstrap.PhoneOf("uma");
        secrets.Add(umaPhone);
        using (var browser = Factory.CreateBrowser())
        {
            var codePage = await browser.StartResetAsync("uma");
            var code = await Twilio.NextSmsCodeAsync(umaPhone, seenBefore: 0);
            secrets.Add(code);
            var done = await browser.SetNewPasswordAsync(await browser.SubmitResetCodeAsync(codePage, code));
            Assert.Equal("/account/login", done.Path);
        }

        // A helpdesk reset: its flow id is the claim link's capability, so it must not be logged either.
        var veraPhone = TestBootstrap.PhoneOf("vera");
        secrets.Add(veraPhone);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var vera = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("vera");
            var issued = await scope.ServiceProvider.GetRequiredService<PasswordResetStarter>()
                .IssueByAdministratorAsync(vera!, TestBootstrap.AdminUserName, "203.0.113.9", CancellationToken.None);
            secrets.AddRange([issued.Id.ToString(), issued.Id.ToString("n")]);
        }

        secrets.Add(await Twilio.NextSmsCodeAsync(veraPhone, seenBefore: 0));
        await Twilio.WaitForMoreMessagesAsync(umaPhone, seenBefore: 1);
        var entries = Factory.Logs.Entries;
        Assert.All(secrets, secret => Assert.DoesNotContain(entries, entry => Contains(entry.AllText, secret)));
        Assert.Contains(entries, entry => entry.EventId == 1003 && entry.Message.Contains("wrong password"));
        Assert.Contains(entries, entry => entry.EventId == 1002);
        Assert.Contains(entries, entry => entry.EventId == 1001 && entry.Message.Contains("pwd sms mfa"));
        Assert.Contains(entries, entry => entry.EventId == 3006 && entry.Message.Contains("+•••"));
        Assert.Contains(entries, entry => entry.EventId == 3009);
        Assert.Contains(entries, entry => entry.EventId == 3010);
        Assert.Contains(entries, entry => entry.EventId == 3015);
        Assert.Contains(entries, entry => entry.EventId == 4002);
    }

    [SkippableFact]
    public async Task RefusedTokenAndAuthorizationRequests_LoggedWithTheirError()
    {
        using var backchannel = OidcClients.Backchannel(Factory);
        await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = "not-a-code", RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = new string('v', 43),
        });
        using var browser = Factory.CreateBrowser();
        await AuthorizationRequests.SilentAsync(browser);

        var entries = Factory.Logs.Entries;
        Assert.Contains(entries,
            entry => entry.EventId == 2002 && entry.Message.Contains("invalid_grant") && entry.Message.Contains(TestBootstrap.SpaClientId));
        Assert.Contains(entries, entry => entry.EventId == 2001 && entry.Message.Contains("login_required"));
        Assert.DoesNotContain(entries, entry => entry.AllText.Contains("not-a-code", StringComparison.Ordinal));
    }

    // A code is a number: it counts only standing alone, not inside a longer number or an id.
    private static bool Contains(string text, string secret) =>
        secret.All(char.IsAsciiDigit)
            ? Regex.IsMatch(text, $"(?<![0-9A-Za-z]){secret}(?![0-9A-Za-z])")
            : text.Contains(secret, StringComparison.Ordinal);
}

public sealed class StructuredLogsTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : StructuredLogsTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class StructuredLogsTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : StructuredLogsTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
