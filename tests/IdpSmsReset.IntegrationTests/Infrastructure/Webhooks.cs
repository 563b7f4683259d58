using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Events;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Subscriptions and deliveries as a test sets them up and reads them, through the server's own commands.</summary>
public static class Webhooks
{
    /// <summary>A fixed secret in the specification's form, so the test verifies with what the receiver would hold.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static readonly Administrator Tester = new("webhook tester", null);

    public static async Task<Guid> SubscribeAsync(this IdpFactory factory, string url, string[] events, bool personalData = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>().SaveAsync(new WebhookDefinition
        {
            Name = "receiver " + Guid.NewGuid().ToString("N")[..8], Url = url, Events = [.. events], Secret = Secret,
            IncludePersonalData = personalData,
        }, Tester, CancellationToken.None);
        Assert.True(saved.Result.Succeeded, string.Join(" ", saved.Result.Problems));
        return Guid.Parse(saved.Result.Id!);
    }

    public static async Task<List<WebhookDelivery>> DeliveriesOfAsync(this IdpFactory factory, Guid subscriptionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId).OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<WebhookSubscription> SubscriptionAsync(this IdpFactory factory, Guid subscriptionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<WebhookSubscription>().AsNoTracking()
            .SingleAsync(s => s.Id == subscriptionId);
    }

    /// <summary>Waits until every delivery of the subscription has ended (at least <paramref name="count"/> of them).</summary>
    public static async Task<List<WebhookDelivery>> WaitForEndedDeliveriesAsync(this IdpFactory factory, Guid subscriptionId,
        int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var deliveries = await factory.DeliveriesOfAsync(subscriptionId);
            if ((deliveries.Count >= count && deliveries.All(d => d.Status != WebhookDeliveryStatus.Pending)) || DateTime.UtcNow > deadline)
            {
                return deliveries;
            }

            await Task.Delay(100);
        }
    }

    public static async Task FailSignInAsync(this IdpFactory factory, string userName)
    {
        using var browser = factory.CreateBrowser();
        await browser.SubmitAsync(await browser.OpenAsync("/account/login"),
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = "Not-The-Password-1!" });
    }
}
