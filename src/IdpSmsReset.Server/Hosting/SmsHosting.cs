using Hangfire;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Features.Webhooks;
using IdpSmsReset.Sms.Twilio;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class SmsHosting
{
    /// <summary>The SMS path: outbox, dispatch job on the "sms" queue, the Twilio channel, delivery reports.</summary>
    public static WebApplicationBuilder AddIdpSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>()
            .Bind(builder.Configuration.GetSection(TwilioOptions.SectionName))
            .Validate(options => options.ApiBaseUrl.IsAbsoluteUri && options.ApiBaseUrl.Scheme is "http" or "https",
                "Sms:Twilio:ApiBaseUrl must be an absolute http(s) URL.")
            .Validate(options => options.Timeout > TimeSpan.Zero, "Sms:Twilio:Timeout must be positive.")
            .ValidateOnStart();

        builder.Services.AddOptions<SmsOptions>()
            .Configure<IOptions<IdpOptions>>((sms, idp) => sms.StatusCallbackUrl = new Uri(idp.Value.IssuerUri, TwilioStatusWebhook.Path));

        builder.Services.AddSingleton<SmsProtection>();
        builder.Services.AddScoped<SmsOutbox>();
        builder.Services.AddScoped<SmsDispatchJob>();
        builder.Services.AddScoped<SmsOutboxSweeper>();
        builder.Services.AddScoped<SmsFactorService>();
        builder.Services.AddScoped<SmsStatusUpdater>();

        builder.Services.AddHttpClient<ISmsChannel, TwilioSmsChannel>((services, client) =>
                client.Timeout = services.GetRequiredService<IOptions<TwilioOptions>>().Value.Timeout)
            .AddHttpMessageHandler(services => new TwilioApiBaseAddressHandler(services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl));

        builder.Services.AddHostedService<SmsRecurringJobs>();
        return builder;
    }

    /// <summary>Registers the outbox sweeper with Hangfire once the database (and so the job storage) is ready.</summary>
    private sealed class SmsRecurringJobs(IRecurringJobManager recurringJobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurringJobs.AddOrUpdate<SmsOutboxSweeper>(
                SmsOutboxSweeper.RecurringJobId, SmsDispatchJob.Queue, sweeper => sweeper.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
