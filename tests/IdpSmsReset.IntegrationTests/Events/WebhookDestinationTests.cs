using IdpSmsReset.Core.Events;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Events;

/// <summary>
/// A subscription's URL chooses where the server posts: outside Development, never this machine or a private network
/// (SSRF), neither when saved nor when a name that resolved outside then resolves inside (DNS rebinding).
/// </summary>
public sealed class WebhookDestinationTests : IDisposable
{
    private readonly SqliteIdpFactory _factory = new();
    private readonly WebhookReceiver _receiver = new();

    public WebhookDestinationTests()
    {
        _factory.Settings["Idp:Webhooks:AllowPrivateNetworks"] = "false";
        _factory.Settings["Idp:Webhooks:RetryDelays:0"] = "00:00:00.100";
    }

    [SkippableTheory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00::1]/hook")]
    public async Task PrivateAddress_Refused_NamingTheSetting(string url)
    {
        await using var scope = _factory.Services.CreateAsyncScope();

        var saved = await scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>().SaveAsync(new WebhookDefinition
        {
            Name = "inside", Url = url, Events = ["*"], Secret = Webhooks.Secret,
        }, Webhooks.Tester, CancellationToken.None);

        Assert.Contains(saved.Result.Problems, problem => problem.Field == "url"
            && problem.Problem.Contains("Idp:Webhooks:AllowPrivateNetworks", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task NameThatNowResolvesToThisMachine_RefusedWhenConnecting_NothingReachesTheReceiver()
    {
        var subscription = Guid.NewGuid();
        var port = new Uri(_receiver.Url).Port;
        // Saved while its name pointed outside; it now resolves to 127.0.0.1 (what a rebinding attacker arranges).
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
            database.Add(new WebhookSubscription
            {
                Id = subscription, Name = "rebound", Url = $"http://localhost:{port}/hook", Events = "sign-in.failed",
                ProtectedSecret = secrets.Protect(Webhooks.Secret),
            });
            // Written past WebhookSubscriptions on purpose: the change stamp moves by itself, so the cache still follows.
            await database.SaveChangesAsync();
        }

        await _factory.FailSignInAsync("heidi");

        var delivery = (await _factory.WaitForEndedDeliveriesAsync(subscription)).Single();
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("private network", delivery.LastError);
        Assert.Empty(_receiver.Posts());
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _factory.Dispose();
    }
}
