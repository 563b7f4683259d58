using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Persistence;

/// <summary>
/// Two instances on one database: what one changes, the other's caches follow within a second. PostgreSQL only: a
/// second instance on a SQLite file is refused (<c>SqliteInstanceLock</c>).
/// </summary>
public abstract class ChangeStampsTests(FakeTwilio twilio)
{
    protected abstract IdpFactory NewFactory();

    [SkippableFact]
    public async Task SmsResetSwitchedOffOnOneInstance_OtherInstancesLoginPageStopsOfferingIt()
    {
        using var first = NewFactory();
        first.KeepData = true;
        first.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
        await first.ConfigureSmsFactorAsync();
        using var second = first.Restart();
        using var browser = second.CreateBrowser();
        var before = await browser.OpenAsync("/account/login");

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var policies = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
            foreach (var policy in await database.Set<SecurityPolicy>().Where(p => p.PasswordReset.SmsEnabled).ToListAsync())
            {
                policy.PasswordReset.SmsEnabled = false;
                Assert.Empty(await policies.SaveAsync(policy, CancellationToken.None));
            }
        }

        second.Clock.Advance(TimeSpan.FromSeconds(1.1));
        var after = await browser.OpenAsync("/account/login");

        Assert.NotNull(before.Document.GetElementById("forgot-password"));
        Assert.Null(after.Document.GetElementById("forgot-password"));
    }
}

public sealed class ChangeStampsTestsOnPostgreSql(FakeTwilio twilio) : ChangeStampsTests(twilio), IClassFixture<FakeTwilio>
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
