using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>What the database holds of reset flows, for the tests that must prove a flow holds no code.</summary>
public static class ResetFlows
{
    /// <summary>
    /// Waits until the background job has answered the code request of the flow started from <paramref name="clientAddress"/>:
    /// it claimed the request and audited its outcome, which it does last (after the code's hash, when there is one).
    /// Returns the flow's challenge: what an entry is compared with.
    /// </summary>
    public static async Task<SmsChallenge> WaitForAnsweredCodeFromAsync(this IdpFactory factory, string clientAddress)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var flow = await database.Set<PasswordResetFlow>().AsNoTracking()
                .Where(f => f.IpAddress == clientAddress).OrderByDescending(f => f.CreatedAt).FirstOrDefaultAsync();
            if (flow is { CodeRequestHandledAt: { } handledAt } && await database.Set<AuditEvent>().AnyAsync(e =>
                    e.IpAddress == clientAddress
                    && (e.Type == AuditEventTypes.PasswordResetCodeSent || e.Type == AuditEventTypes.PasswordResetCodeNotSent)
                    && e.OccurredAt >= handledAt))
            {
                return await database.Set<SmsChallenge>().AsNoTracking().SingleAsync(c => c.Id == flow.ChallengeId);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No answered reset flow from {clientAddress}.");
            }

            await Task.Delay(100);
        }
    }
}
