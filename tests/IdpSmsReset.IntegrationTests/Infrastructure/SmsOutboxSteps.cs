using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Sending through the outbox as the server does, and waiting for the message's final word.</summary>
public static class SmsOutboxSteps
{
    /// <summary>Queues a test message and waits (30 s at most) until it is no longer queued or being sent.</summary>
    public static async Task<OutboundSms> SendAndWaitAsync(this IdpFactory factory, string to, string body, TimeSpan lifetime)
    {
        Guid id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SmsOutbox>().EnqueueAsync(to, SmsPurposes.Test, body, lifetime,
                CancellationToken.None);
            Assert.True(result.MessageId is not null, result.Problem?.English);
            id = result.MessageId.Value;
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var message = await factory.ReloadSmsAsync(id);
            if (message.Status is not (OutboundSmsStatus.Queued or OutboundSmsStatus.Sending) || DateTime.UtcNow > deadline)
            {
                return message;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<OutboundSms> ReloadSmsAsync(this IdpFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>().AsNoTracking().SingleAsync(message
            => message.Id == id);
    }
}
