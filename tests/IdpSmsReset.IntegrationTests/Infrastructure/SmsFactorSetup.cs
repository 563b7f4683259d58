using IdpSmsReset.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

public static class SmsFactorSetup
{
    /// <summary>Configures the SMS factor with <see cref="FakeTwilio"/>'s account (validated by it), unless already so
    /// configured.</summary>
    public static async Task ConfigureSmsFactorAsync(this IdpFactory factory, string[]? allowedCountries = null,
        bool messagingService = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SmsFactorService>();
        var input = messagingService
            ? new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, null, FakeTwilio.MessagingServiceSid, null,
                allowedCountries ?? [])
            : new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From, null, null, allowedCountries ?? []);
        var stored = await service.GetAsync(CancellationToken.None);
        if (stored is not null && stored.IsConfigured && service.Matches(stored, input))
        {
            return;
        }

        var saved = await service.SaveAsync(input, CancellationToken.None);
        Assert.True(saved.Saved);
        Assert.True(saved.Check!.IsValid, saved.Check.Problem);
    }
}
