using System.Net.Http.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging.FraudGuard;

/// <summary>
/// The fraud guard's budgets, from the bootstrap file: 30 messages an hour per number prefix, 5 a day to Ghana, every
/// other country and the total out of the way. The limits of the reset itself are set out of the way too, so the
/// guard is what stops a run.
/// </summary>
public abstract class SmsBudgetTests : TwilioBackedTests
{
    private const int PrefixBudget = 30;

    protected SmsBudgetTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:PasswordReset:Limits:PerIpAddressPerHour"] = "1000";
        factory.Settings["Idp:PasswordReset:Limits:PerCountryPerHour"] = "100000";
        File.WriteAllText(factory.BootstrapPath, TestBootstrap.JsonWith(null, new SmsFraudGuardDefinition
        {
            DailyMessagesPerCountry = new() { ["default"] = 100_000, ["GH"] = 5 },
            DailyMessagesTotal = 1_000_000,
            HourlyMessagesPerPrefix = PrefixBudget,
        }));
    }

    [SkippableFact]
    public async Task PumpingRun_FiftyAddressesFiveHundredAccountsInOnePrefix_SpendsTheBudgetHoldsTheRestAndOthersStillGetCodes()
    {
        await Factory.ConfigureSmsFactorAsync();
        Factory.StartOfAnHour();
        var pumped = await Factory.CreateResetAccountsAsync("pump", 500, index => $"+234803555{index:0000}");
        var elsewhere = await Factory.CreateResetAccountsAsync("elsewhere", 3, index => $"+1628555{index:0000}");

        // Ten addresses at a time: each request holds database connections, and other test classes run beside this one.
        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (address, _) =>
        {
            foreach (var name in pumped.Skip(address * 10).Take(10))
            {
                using var browser = Factory.CreateBrowserFrom($"203.0.113.{address}");
                var page = await browser.StartResetAsync(name);
                Assert.Equal("/account/reset-code", page.Path);
            }
        });
        foreach (var name in elsewhere)
        {
            using var browser = Factory.CreateBrowserFrom("198.51.100.77");
            await browser.StartResetAsync(name);
        }

        await WaitForResetAnswersAsync(503);
        var elsewhereCodes = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(index => Twilio.WaitForMessagesToAsync($"+1628555{index:0000}")));
        var nigeria = await WaitForSentAsync("+234803555", PrefixBudget - PrefixBudget / 10);
        var held = await StatusCountAsync(OutboundSmsStatus.Held, "+234803555");
        var alerts = (await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsFraudSuspected))
            .Where(alert => alert.Details!.Contains("+234-803555")).ToList();
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var overview = await admin.OpenAsync("/admin");

        // Reset codes stop 10% short of the prefix's 30: 27 reached Twilio, and the other 473 wait.
        Assert.Equal(27, nigeria);
        Assert.Equal(473, held);
        Assert.All(elsewhereCodes, codes => Assert.Single(codes));
        var alert = Assert.Single(alerts);
        Assert.Contains("the budget of 30 messages an hour to numbers starting +234-803555", alert.Details);
        Assert.Contains("The SMS fraud guard holds", overview.Document.GetElementById("sms-held")!.TextContent);
    }

    [SkippableFact]
    public async Task CountryBudget_MoreResetsThanGhanasDailyBudget_OnlyTheBudgetReachesTwilio()
    {
        await Factory.ConfigureSmsFactorAsync();
        // Eight accounts in eight prefixes: only the country's budget of 5 a day applies.
        var names = await Factory.CreateResetAccountsAsync("ghana", 8, index => $"+23324{index}555123");
        foreach (var name in names)
        {
            using var browser = Factory.CreateBrowserFrom("198.51.100.90");
            var page = await browser.StartResetAsync(name);
            Assert.Equal("/account/reset-code", page.Path);
        }

        await WaitForResetAnswersAsync(8, names);

        Assert.Equal(5, await WaitForSentAsync("+233", 5));
        Assert.Equal(3, await StatusCountAsync(OutboundSmsStatus.Held, "+233"));
        Assert.Contains(await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsFraudSuspected),
            alert => alert.Details!.Contains("the budget of 5 messages a day to GH"));
    }

    [SkippableFact]
    public async Task Reserve_ResetCodesSpentTheirShare_SignInAndVerificationCodesStillGo()
    {
        await Factory.ConfigureSmsFactorAsync();
        Factory.StartOfAnHour();
        var results = new List<SmsEnqueueResult>();
        for (var index = 0; index < 28; index++)
        {
            results.Add(await Factory.QueueAsync($"+234806555{index:0000}", SmsPurposes.PasswordReset));
        }

        // The 10% kept back: three more, for people signing in or verifying a phone.
        var signIn = await Factory.QueueAsync("+2348065559000", SmsPurposes.SecondFactor);
        var verification = await Factory.QueueAsync("+2348065559001", SmsPurposes.PhoneVerification);
        var signInAgain = await Factory.QueueAsync("+2348065559002", SmsPurposes.SecondFactor);
        var pastTheBudget = await Factory.QueueAsync("+2348065559003", SmsPurposes.SecondFactor);

        Assert.All(results.Take(27), result => Assert.False(result.Held));
        Assert.True(results[27].Held);
        Assert.False(signIn.Held);
        Assert.False(verification.Held);
        Assert.False(signInAgain.Held);
        Assert.True(pastTheBudget.Held);
        Assert.Single(await Twilio.WaitForMessagesToAsync("+2348065559001"));
    }

    [SkippableFact]
    public async Task HeldMessages_ReleasedTwiceAtOnce_EachSentExactlyOnce()
    {
        await Factory.ConfigureSmsFactorAsync();
        Factory.StartOfAnHour();
        for (var index = 0; index < PrefixBudget + 3; index++)
        {
            await Factory.QueueAsync($"+234807555{index:0000}", SmsPurposes.SecondFactor);
        }

        var scope = SmsScopes.Prefix("+234-807555");
        using var api = await ApiClients.WithScopeAsync(Factory, "guard-script", "idp:admin");
        var held = await api.GetFromJsonAsync<List<HeldSmsGroup>>("/api/v1/sms-fraud-guard/held");
        var releases = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await api.PostAsJsonAsync("/api/v1/sms-fraud-guard/held/release", new { scope });
            return (await response.JsonAsync()).GetProperty("messages").GetInt32();
        }));
        var heldNumbers = Enumerable.Range(PrefixBudget, 3).Select(index => $"+234807555{index:0000}").ToList();
        foreach (var number in heldNumbers)
        {
            await Twilio.WaitForMessagesToAsync(number);
        }

        await Task.Delay(500);
        Assert.Equal(3, Assert.Single(held!, group => group.Scope == scope).Messages);
        Assert.Equal(3, releases.Sum());
        Assert.All(heldNumbers, number => Assert.Single(Twilio.MessagesTo(number)));
        Assert.Equal(2, (await Factory.AuditEventsOfTypeAsync(AdminEventTypes.HeldSmsReleased)).Count);
        Assert.Equal(0, await StatusCountAsync(OutboundSmsStatus.Held, "+234807555"));
    }

    [SkippableFact]
    public async Task HeldMessages_Discarded_NeverSent()
    {
        await Factory.ConfigureSmsFactorAsync();
        Factory.StartOfAnHour();
        for (var index = 0; index < PrefixBudget + 2; index++)
        {
            await Factory.QueueAsync($"+234808555{index:0000}", SmsPurposes.SecondFactor);
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var discarded = await scope.ServiceProvider.GetRequiredService<SmsFraudGuardAdministration>()
                .DiscardHeldAsync(SmsScopes.Prefix("+234-808555"), new Administrator("test", null), CancellationToken.None);
            Assert.Equal(2, discarded);
        }

        await Twilio.WaitForMessagesToAsync($"+234808555{PrefixBudget - 1:0000}");
        await Task.Delay(500);
        Assert.Empty(Twilio.MessagesTo($"+234808555{PrefixBudget:0000}"));
        Assert.Equal(2, await StatusCountAsync(OutboundSmsStatus.Discarded, "+234808555"));
        Assert.Contains(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.HeldSmsDiscarded),
            discard => discard.Details!.Contains("\"discarded\":2"));
    }

    [SkippableFact]
    public async Task PremiumRateNumber_ResetRequested_RefusedBeforeAnySendWithTheReasonInTheLog()
    {
        await Factory.ConfigureSmsFactorAsync();
        const string premium = "+19005550123";
        var name = (await Factory.CreateResetAccountsAsync("premium", 1, _ => premium)).Single();

        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync(name);
        var outcomes = await Factory.WaitForCodeOutcomesAsync(name);

        Assert.Equal("/account/reset-code", page.Path);
        Assert.Equal("Codes cannot be sent to this number: it is a premium-rate number.",
            outcomes.Last(e => e.Type == AuditEventTypes.PasswordResetCodeNotSent).Details);
        Assert.Empty(Twilio.MessagesTo(premium));
        await using var scope = Factory.Services.CreateAsyncScope();
        var logged = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>()
            .SingleAsync(sms => sms.Destination == premium);
        Assert.Equal(OutboundSmsStatus.Refused, logged.Status);
        Assert.Equal("Not sent: a premium-rate number.", logged.LastError);
    }

    [SkippableFact]
    public async Task Settings_OverTheApi_RefusedFieldByFieldThenSavedAndAudited()
    {
        using var api = await ApiClients.WithScopeAsync(Factory, "guard-settings", "idp:admin");

        using var refused = await api.PutAsJsonAsync("/api/v1/sms-fraud-guard", new
        {
            dailyMessagesPerCountry = new Dictionary<string, int> { ["XX"] = 5 }, surgeFactor = 0.5,
        });
        using var saved = await api.PutAsJsonAsync("/api/v1/sms-fraud-guard", new
        {
            dailyMessagesPerCountry = new Dictionary<string, int> { ["default"] = 100_000, ["GH"] = 5 },
            dailyMessagesTotal = 1_000_000, hourlyMessagesPerPrefix = PrefixBudget, pricePerMessage = new { NG = 0.3 },
        });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.Equal(["dailyMessagesPerCountry.XX", "surgeFactor"], problems);
        Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(0.3m, (await saved.JsonAsync()).GetProperty("pricePerMessage").GetProperty("NG").GetDecimal());
        Assert.Contains(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.SmsFraudGuardChanged),
            change => change.Details!.Contains("0.3"));
    }

    private async Task WaitForResetAnswersAsync(int count, IReadOnlyList<string>? names = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var answered = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
                .CountAsync(e => e.Type == AuditEventTypes.PasswordResetCodeSent || e.Type == AuditEventTypes.PasswordResetCodeNotSent);
            if (answered >= count)
            {
                return;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until <paramref name="expected"/> messages to numbers starting <paramref name="start"/> reached Twilio, and
    /// a little more for any that should not; answers how many did.</summary>
    private async Task<int> WaitForSentAsync(string start, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Count() < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        return Count();

        int Count() => Twilio.AllMessages().Count(message => message.Form["To"].StartsWith(start, StringComparison.Ordinal));
    }

    private async Task<int> StatusCountAsync(OutboundSmsStatus status, string? start = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>()
            .CountAsync(sms => sms.Status == status && (start == null || sms.Destination.StartsWith(start)));
    }
}

public sealed class SmsBudgetTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsBudgetTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsBudgetTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsBudgetTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
