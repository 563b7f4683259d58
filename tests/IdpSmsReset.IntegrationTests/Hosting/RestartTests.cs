using System.Collections.Concurrent;
using Hangfire;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>What must survive a restart of the server on the same database.</summary>
public abstract class RestartTests
{
    protected abstract IdpFactory NewFactory();

    [SkippableFact]
    public async Task Bootstrap_AppliedAgainAfterRestart_CreatesNothingTwiceAndKeepsChangedPasswords()
    {
        using var first = NewFactory();
        first.KeepData = true;
        await first.ChangeUserAsync("alice", (users, alice) => users.ChangePasswordAsync(alice, TestBootstrap.Password,
            "a new passphrase of mine"));
        first.Dispose();

        using var second = first.Restart();
        await using var scope = second.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.Equal(4, await database.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().CountAsync());
        Assert.Equal(TestBootstrap.AllUserNames.Count(), await database.Users.CountAsync());
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("alice"))!, "a new passphrase of mine"));
        using var backchannel = OidcClients.Backchannel(second);
        var token = await Duende.IdentityModel.Client.HttpClientTokenRequestExtensions.RequestClientCredentialsTokenAsync(backchannel, new()
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
        });
        Assert.False(token.IsError, token.Error);
    }

    [SkippableFact]
    public async Task SessionCookie_IssuedBeforeRestart_IsStillValidAfterIt()
    {
        using var first = NewFactory();
        first.KeepData = true;
        var cookies = (await first.CreateSignedInBrowserAsync("bob")).Cookies;
        first.Dispose();

        using var second = first.Restart();
        using var sameBrowser = second.CreateBrowser(cookies);
        var response = await AuthorizationRequests.SilentAsync(sameBrowser);

        Assert.True(response.ContainsKey("code"), string.Join(", ", response));
    }

    [SkippableFact]
    public async Task UnknownName_FailuresBeforeRestartCountAfterIt_LockedLikeARealAccount()
    {
        using var first = NewFactory();
        first.KeepData = true;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await WrongPasswordAsync(first, "no-such-person");
        }

        first.Dispose();

        using var second = first.Restart();
        var fifth = await WrongPasswordAsync(second, "no-such-person");
        var sixth = await WrongPasswordAsync(second, "No-Such-Person ");

        Assert.Contains("Too many failed attempts. Sign-in is locked for 5 more minutes", fifth.Text);
        Assert.Contains("Too many failed attempts.", sixth.Text);
        await using var scope = second.Services.CreateAsyncScope();
        Assert.DoesNotContain(
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<UnknownAccountFailure>().Select(f
                => f.NameHash).ToListAsync(),
            hash => hash.Contains("no-such", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<BrowserPage> WrongPasswordAsync(IdpFactory factory, string userName)
    {
        using var browser = factory.CreateBrowser();
        var login = await browser.OpenAsync("/account/login");
        return await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = userName,
            ["Input.Password"] = "wrong password" });
    }

    [SkippableFact]
    public async Task Job_EnqueuedBeforeRestart_RunsAfterIt()
    {
        var marker = Guid.NewGuid().ToString("n");
        using var first = NewFactory();
        first.KeepData = true;
        first.Settings["Idp:Jobs:RunServer"] = "false";
        first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => ProbeJob.Record(marker));
        await Task.Delay(500);
        Assert.DoesNotContain(marker, ProbeJob.Recorded.Keys);
        first.Dispose();

        using var second = first.Restart();
        _ = second.Services;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!ProbeJob.Recorded.ContainsKey(marker) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(marker, ProbeJob.Recorded.Keys);
    }
}

/// <summary>A job that only records that it ran.</summary>
public static class ProbeJob
{
    public static ConcurrentDictionary<string, DateTimeOffset> Recorded { get; } = new();

    public static void Record(string marker) => Recorded[marker] = DateTimeOffset.UtcNow;
}

public sealed class RestartTestsOnSqlite : RestartTests
{
    protected override IdpFactory NewFactory() => new SqliteIdpFactory();
}

public sealed class RestartTestsOnPostgreSql : RestartTests
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
