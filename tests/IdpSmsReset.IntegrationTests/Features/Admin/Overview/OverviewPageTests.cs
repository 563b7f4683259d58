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
}

public sealed class OverviewPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class OverviewPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : OverviewPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
