using System.Text.Json;
using IdpSmsReset.Core.Events;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Events;

/// <summary>
/// A receiver written with <c>standardwebhooks</c>, the specification's own library, unmodified (README's Node example):
/// it verifies what the server sends with nothing but the secret.
/// </summary>
public sealed class StandardWebhooksReceiverTests(SqliteIdpFactory factory) : IClassFixture<SqliteIdpFactory>
{
    [SkippableFact]
    public async Task NodeReceiver_TestEventAndFailedSignIn_BothVerifiedByTheLibrary()
    {
        var result = await NodeScript.ConverseAsync("webhook-receiver", "receiver.mjs",
            new Dictionary<string, string> { ["WEBHOOK_SECRET"] = Webhooks.Secret, ["EXPECTED"] = "2" },
            browse: async url =>
            {
                var subscription = await factory.SubscribeAsync(url, ["sign-in.failed"]);
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var sent = await scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>()
                        .SendTestAsync(subscription, Webhooks.Tester, CancellationToken.None);
                    Assert.True(sent.Succeeded);
                }

                await factory.WaitForEndedDeliveriesAsync(subscription);
                await factory.FailSignInAsync("bob");
                return "subscribed";
            });

        var received = JsonDocument.Parse(result).RootElement.EnumerateArray().ToList();
        Assert.All(received, delivery => Assert.False(delivery.TryGetProperty("refused", out var why), why.ToString()));
        Assert.Equal(["webhook.test", "sign-in.failed"], received.Select(delivery => delivery.GetProperty("type").GetString()));
        Assert.All(received, delivery => Assert.Equal(IdpFactory.Origin + "/", delivery.GetProperty("source").GetString()));
    }
}
