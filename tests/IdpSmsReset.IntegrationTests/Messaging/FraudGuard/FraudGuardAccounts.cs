using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging.FraudGuard;

/// <summary>What the fraud guard's tests set up: many reset-able accounts, messages queued through the outbox.</summary>
public static class FraudGuardAccounts
{
    /// <summary>Creates accounts (no password: only a reset gets them in) on the reset policy; answers their names.</summary>
    public static async Task<IReadOnlyList<string>> CreateResetAccountsAsync(this IdpFactory factory, string prefix, int count,
        Func<int, string> phoneOf)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var policy = await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>()
            .FindByNameAsync(TestBootstrap.ResetPolicyName, CancellationToken.None);
        var names = new List<string>();
        for (var index = 0; index < count; index++)
        {
            var user = new ApplicationUser
            {
                UserName = $"{prefix}-{index}", PhoneNumber = phoneOf(index), PhoneNumberConfirmed = true, SecurityPolicyId = policy!.Id,
            };
            var created = await users.CreateAsync(user);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
            names.Add(user.UserName);
        }

        return names;
    }

    /// <summary>Queues one message through the outbox (and its guard), as a sign-in or reset code would be.</summary>
    public static async Task<SmsEnqueueResult> QueueAsync(this IdpFactory factory, string to, string purpose)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmsOutbox>()
            .EnqueueAsync(to, purpose, $"A {purpose} message", TimeSpan.FromMinutes(10), CancellationToken.None);
    }

    /// <summary>Moves the server's clock to a minute past the next hour, so a test's hourly budget has a whole hour.</summary>
    public static void StartOfAnHour(this IdpFactory factory)
    {
        var now = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMinutes(now.Minute - 1) - TimeSpan.FromSeconds(now.Second));
    }
}
