using Hangfire;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Server.Features.Dev.Sms;
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
            .BindSection(builder.Configuration, TwilioOptions.SectionName)
            .Validate(options => options.ApiBaseUrl.IsAbsoluteUri && options.ApiBaseUrl.Scheme is "http" or "https",
                "Idp:Sms:Twilio:ApiBaseUrl must be an absolute http(s) URL.")
            .Validate(options => options.Timeout > TimeSpan.Zero, "Idp:Sms:Twilio:Timeout must be positive.")
            .ValidateOnStart();

        builder.Services.AddOptions<SmsSandboxOptions>()
            .BindSection(builder.Configuration, SmsSandboxOptions.SectionName)
            .PostConfigure<IHostEnvironment, IConfiguration>((sandbox, environment, configuration) =>
                sandbox.IsActive = sandbox.Enabled ?? (environment.IsDevelopment()
                    && string.IsNullOrEmpty(configuration.GetSection(TwilioOptions.SectionName)[nameof(TwilioOptions.ApiBaseUrl)])))
            .Validate<IHostEnvironment>((sandbox, environment) => !sandbox.IsActive || environment.IsDevelopment(),
                "Idp:Sms:Sandbox:Enabled cannot be true outside Development: the sandbox would swallow real messages.")
            .ValidateOnStart();

        // In the sandbox the Twilio client still does real HTTP, only to this server's own look-alike.
        builder.Services.AddOptions<TwilioOptions>()
            .PostConfigure<IOptions<SmsSandboxOptions>, IOptions<IdpOptions>>((twilio, sandbox, idp) =>
            {
                if (sandbox.Value.IsActive)
                {
                    twilio.ApiBaseUrl = new Uri(idp.Value.IssuerUri, SmsSandbox.ApiPath);
                }
            });
        builder.Services.AddSingleton<SmsSandbox>();

        builder.Services.AddOptions<SmsOptions>()
            .Configure<IOptions<IdpOptions>>((sms, idp) =>
            {
                sms.StatusCallbackUrl = new Uri(idp.Value.IssuerUri, TwilioStatusWebhook.Path);
                sms.RecoverAfter = idp.Value.Sms.RecoverAfter;
            })
            .Validate<IOptions<TwilioOptions>>((sms, twilio) => sms.RecoverAfter >= TimeSpan.FromSeconds(5)
                    && sms.RecoverAfter <= TimeSpan.FromMinutes(2) && sms.RecoverAfter > twilio.Value.Timeout,
                "Idp:Sms:RecoverAfter must be between 00:00:05 and 00:02:00, and longer than Idp:Sms:Twilio:Timeout.")
            .ValidateOnStart();

        builder.Services.AddOptions<SmsBreakerOptions>()
            .BindSection(builder.Configuration, SmsBreakerOptions.SectionName)
            .Validate(breaker => breaker.Validate().Count == 0, "Idp:Sms:Breaker is out of range (see SmsBreakerOptions).")
            .ValidateOnStart();
        builder.Services.AddOptions<SmsFraudGuardOptions>()
            .BindSection(builder.Configuration, SmsFraudGuardOptions.SectionName)
            .Validate(guard => guard.Validate().Count == 0, "Idp:Sms:FraudGuard is out of range (see SmsFraudGuardOptions).")
            .ValidateOnStart();
        builder.Services.AddSingleton<SmsFraudGuardDirectory>();
        builder.Services.AddScoped<SmsFraudGuard>();
        builder.Services.AddScoped<SmsFraudGuardReport>();
        builder.Services.AddScoped<ProofOfWork>();
        builder.Services.AddSingleton<SmsAccountBreakers>();
        builder.Services.AddSingleton<SmsProtection>();
        builder.Services.AddScoped<SmsOutbox>();
        builder.Services.AddScoped<SmsDispatchJob>();
        builder.Services.AddScoped<SmsOutboxSweeper>();
        builder.Services.AddScoped<SmsFactorService>();
        builder.Services.AddScoped<UserPhoneResolver>();

        builder.Services.AddHttpClient<ISmsChannel, TwilioSmsChannel>((services, client) =>
                client.Timeout = services.GetRequiredService<IOptions<TwilioOptions>>().Value.Timeout)
            .AddHttpMessageHandler(services
                => new TwilioApiBaseAddressHandler(services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl));

        builder.Services.AddSingleton(new RecurringJobSchedule(SmsOutboxSweeper.RecurringJobId, (recurringJobs, _) =>
            recurringJobs.AddOrUpdate<SmsOutboxSweeper>(SmsOutboxSweeper.RecurringJobId, SmsDispatchJob.Queue,
                sweeper => sweeper.RunAsync(CancellationToken.None), Cron.Minutely())));
        builder.Services.AddHostedService<SmsSandboxStart>();
        return builder;
    }

    public static WebApplication MapIdpSmsSandbox(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SmsSandboxOptions>>().Value.IsActive)
        {
            app.MapTwilioSandbox();
        }

        return app;
    }

    /// <summary>
    /// In the sandbox, makes it the SMS factor when none is configured. Runs after <see cref="DatabaseInitializer"/>, so
    /// after the bootstrap file had its say.
    /// </summary>
    private sealed class SmsSandboxStart(IServiceProvider services, IOptions<SmsSandboxOptions> sandbox) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (sandbox.Value.IsActive)
            {
                await using var scope = services.CreateAsyncScope();
                await SmsSandbox.EnsureConfiguredAsync(
                    scope.ServiceProvider.GetRequiredService<Core.Persistence.IdpDbContext>(),
                    scope.ServiceProvider.GetRequiredService<SmsProtection>(),
                    scope.ServiceProvider.GetRequiredService<TimeProvider>());
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
