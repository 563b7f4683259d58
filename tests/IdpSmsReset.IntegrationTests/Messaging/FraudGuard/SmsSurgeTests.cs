using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Messaging.FraudGuard;

/// <summary>
/// Surge detection on the server's clock, moved a day at a time: a week of three messages an hour to Kenya, then 25 in
/// one hour. The guard's default budgets apply (the tests' prefix budget aside); proof of work is the default,
/// <c>when-suspected</c>.
/// </summary>
public abstract class SmsSurgeTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task Surge_LastHourFarAboveTheWeeksMedian_CountrySuspectedAndResetRequestsNeedProof()
    {
        await Factory.ConfigureSmsFactorAsync();
        Factory.StartOfAnHour();
        var number = 0;
        async Task SendAsync(int messages)
        {
            for (var index = 0; index < messages; index++)
            {
                await Factory.QueueAsync($"+2547125{number++:00000}", SmsPurposes.SecondFactor);
            }
        }

        // A new installation has no week to compare with: 25 in an hour are only counted.
        await SendAsync(25);
        var beforeABaseline = await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsFraudSuspected);
        using var early = Factory.CreateBrowser();
        var pageBeforeABaseline = await early.OpenAsync("/account/forgot-password");
        for (var day = 1; day <= 7; day++)
        {
            Factory.Clock.Advance(TimeSpan.FromDays(1));
            await SendAsync(3);
        }

        Factory.Clock.Advance(TimeSpan.FromDays(1));
        await SendAsync(19);
        var atNineteen = await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsFraudSuspected);
        await SendAsync(6);
        var surges = await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsFraudSuspected);
        using var browser = Factory.CreateBrowser();
        var page = await browser.OpenAsync("/account/forgot-password");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var overview = await admin.OpenAsync("/admin");
        var countries = await admin.OpenAsync("/admin/messages/countries");

        Assert.Empty(beforeABaseline);
        Assert.Null(pageBeforeABaseline.Document.QuerySelector("input[data-proof-challenge]"));
        Assert.Empty(atNineteen);
        var surge = Assert.Single(surges);
        Assert.StartsWith("SMS surge to KE: 20 messages in the last hour", surge.Details);
        Assert.NotNull(page.Document.QuerySelector("input[data-proof-challenge]"));
        Assert.Equal("18", page.Document.QuerySelector("input[data-proof-challenge]")!.GetAttribute("data-proof-difficulty"));
        Assert.NotNull(overview.Document.QuerySelector("[data-sms-surge='KE']"));
        Assert.Contains("Suspected", countries.Document.QuerySelector("tr[data-country='KE']")!.TextContent);

        // The mark lasts an hour after the surge was seen; then reset requests go without proof again.
        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var later = await browser.OpenAsync("/account/forgot-password");
        Assert.Null(later.Document.QuerySelector("input[data-proof-challenge]"));
    }
}

public sealed class SmsSurgeTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsSurgeTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsSurgeTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsSurgeTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
