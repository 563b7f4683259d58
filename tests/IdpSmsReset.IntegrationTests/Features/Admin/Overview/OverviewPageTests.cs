using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Admin.Overview;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Overview;

/// <summary>/admin: the counts, and the warning while policies rely on an SMS factor that cannot send.</summary>
public abstract class OverviewPageTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task SmsFactorInPoliciesButTwilioNotValidated_Warning_GoneOnceConfigured()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var before = await admin.OpenAsync("/admin");
        await Factory.ConfigureSmsFactorAsync();
        var after = await admin.OpenAsync("/admin");

        Assert.Contains(OverviewModel.SmsFactorWarning, before.Document.GetElementById("sms-warning")!.TextContent);
        Assert.Null(after.Document.GetElementById("sms-warning"));
        Assert.Equal(TestBootstrap.AllUserNames.Count().ToString(), after.Document.GetElementById("count-users")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task Charts_LastDayAndWeek_DrawnOnTheServerWithTitlesAndWhatTheyCount()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        using var another = await Factory.CreateSignedInBrowserAsync("bob");

        var page = await admin.OpenAsync("/admin");

        var charts = page.Document.QuerySelectorAll("svg.chart[role=img]");
        Assert.Equal(8, charts.Length);
        Assert.All(charts, chart => Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("title")?.TextContent)));
        Assert.Equal(24, page.Document.QuerySelectorAll("#chart-day-sign-ins rect.chart-bar.series-1 title").Length);
        var signIns = int.Parse(page.Document.QuerySelector("#chart-day-sign-ins-desc")!.TextContent.Split(':')[1]);
        Assert.True(signIns >= 2, $"{signIns} sign-ins counted");
        Assert.Empty(page.Document.QuerySelectorAll("svg script, svg [style]"));
    }
}

public sealed class OverviewPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class OverviewPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
