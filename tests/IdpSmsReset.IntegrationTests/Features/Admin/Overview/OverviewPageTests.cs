using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
        var signIns = TotalOf(page, "chart-day-sign-ins", "Succeeded");
        Assert.True(signIns >= 2, $"{signIns} sign-ins counted");
        Assert.Empty(page.Document.QuerySelectorAll("svg script, svg [style]"));
    }

    [SkippableFact]
    public async Task Charts_AWrongPasswordAndARefusedSms_ShownAsFailuresWithTheErrorClass()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var before = await admin.OpenAsync("/admin");
        using var guesser = Factory.CreateBrowser();
        await guesser.SubmitAsync(await guesser.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "heidi", ["Input.Password"] = "not her password",
        });
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var now = Factory.Clock.GetUtcNow().UtcDateTime;
            database.Add(new OutboundSms
            {
                Id = Guid.NewGuid(), Destination = "+14155559998", Country = "US", Purpose = "test", ProtectedBody = "x",
                Status = OutboundSmsStatus.Failed, ErrorClass = SmsErrorClasses.Unsubscribed, CreatedAt = now, UpdatedAt = now,
                NextAttemptAt = now, ExpiresAt = now.AddHours(1),
            });
            await database.SaveChangesAsync();
        }

        var after = await admin.OpenAsync("/admin");

        Assert.Equal(TotalOf(before, "chart-day-sign-ins", "Failed") + 1, TotalOf(after, "chart-day-sign-ins", "Failed"));
        Assert.Equal(TotalOf(before, "chart-day-sms", "Failed: unsubscribed") + 1, TotalOf(after, "chart-day-sms",
            "Failed: unsubscribed"));
        Assert.Contains("Failed: unsubscribed", after.Document.QuerySelectorAll("#chart-week-sms text.chart-legend")
            .Select(legend => legend.TextContent));
    }

    // The total of one series, as the chart's description (read by screen readers) gives it: "Name: total; ...".
    private static int TotalOf(BrowserPage page, string chart, string series) =>
        page.Document.GetElementById($"{chart}-desc")!.TextContent.Split("; ")
            .Where(part => part.StartsWith(series + ": ", StringComparison.Ordinal))
            .Select(part => int.Parse(part[(series.Length + 2)..], System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();
}

public sealed class OverviewPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class OverviewPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
