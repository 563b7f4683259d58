using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Audit;

/// <summary>Sign-ins in the audit: who, why refused, from which browser family and for which application.</summary>
public abstract class SignInAuditTests(IdpFactory factory)
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    [SkippableFact]
    public async Task WrongThenRightPassword_ForAnApplication_BothAuditedWithReasonApplicationAndBrowser()
    {
        using var browser = factory.CreateBrowserFrom("203.0.113.45");
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        var returnUrl = AuthorizationRequests.Url(TestBootstrap.WebClientId, AuthorizationRequests.NewPkce().Challenge)[
            IdpFactory.Origin.Length..];
        var login = await browser.OpenAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "dave", ["Input.Password"] = "not dave's password",
        });
        await browser.SubmitPasswordAsync("dave", returnUrl);

        var events = await factory.AuditEventsOfAsync("dave");
        var failed = Assert.Single(events, e => e.Type == AuditEventTypes.SignInFailed);
        var succeeded = Assert.Single(events, e => e.Type == AuditEventTypes.SignInSucceeded);
        Assert.Equal(AuditActors.Anonymous, failed.Actor);
        Assert.Equal("Reason: wrong_password.", failed.Details);
        Assert.Equal(TestBootstrap.WebClientId, failed.ClientId);
        Assert.Equal("Firefox", failed.UserAgent);
        Assert.Equal("203.0.113.45", failed.IpAddress);
        Assert.Equal("dave", succeeded.Actor);
        Assert.Equal("Signed in with pwd.", succeeded.Details);
        Assert.Equal(TestBootstrap.WebClientId, succeeded.ClientId);
        Assert.Equal("failure", AuditEventCatalogue.OutcomeOf(failed.Type));
    }

    [SkippableFact]
    public async Task RepeatedWrongPasswords_LockOutAudited_OnceWithTheFailures()
    {
        using var browser = factory.CreateBrowser();
        var login = await browser.OpenAsync("/account/login");

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await browser.SubmitAsync(login, new Dictionary<string, string>
            {
                ["Input.UserName"] = "erin", ["Input.Password"] = $"wrong {attempt}",
            });
        }

        var events = await factory.AuditEventsOfAsync("erin");
        Assert.Single(events, e => e.Type == AuditEventTypes.SignInLockedOut);
        Assert.Equal(5, events.Count(e => e is { Type: AuditEventTypes.SignInFailed, Details: "Reason: wrong_password." }));
        Assert.Single(events, e => e is { Type: AuditEventTypes.SignInFailed, Details: "Reason: locked." });
    }

    [SkippableFact]
    public async Task UnknownName_AuditedWithoutASubjectOrTheTypedName()
    {
        using var browser = factory.CreateBrowser();
        var login = await browser.OpenAsync("/account/login");

        await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "no-such-user-7731", ["Input.Password"] = "hunter2 hunter2",
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var unknown = await database.Set<AuditEvent>().Where(e => e.Type == AuditEventTypes.SignInFailed
            && e.Details == "Reason: unknown_account.").ToListAsync();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, e => Assert.Null(e.SubjectUserId));
        Assert.DoesNotContain(await database.Set<AuditEvent>().ToListAsync(),
            e => (e.Details ?? "").Contains("no-such-user-7731") || (e.Details ?? "").Contains("hunter2"));
    }
}

public sealed class SignInAuditTestsOnSqlite(SqliteIdpFactory factory) : SignInAuditTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class SignInAuditTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : SignInAuditTests(factory), IClassFixture<PostgreSqlIdpFactory>;
