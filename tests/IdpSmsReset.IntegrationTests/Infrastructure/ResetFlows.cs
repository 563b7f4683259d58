using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>What the database holds of reset flows, for the tests that must prove a flow holds no code.</summary>
public static class ResetFlows
{
    /// <summary>Waits until the background job has answered the code request of the flow started from <paramref name="clientAddress"/>.</summary>
    public static async Task<PasswordResetFlow> WaitForAnsweredFlowFromAsync(this IdpFactory factory, string clientAddress)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var flow = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<PasswordResetFlow>().AsNoTracking()
                .Where(f => f.IpAddress == clientAddress).OrderByDescending(f => f.CreatedAt).FirstOrDefaultAsync();
            if (flow?.CodeRequestHandledAt is not null)
            {
                return flow;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No answered reset flow from {clientAddress}.");
            }

            await Task.Delay(100);
        }
    }
}
