using Hangfire;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Events;
using IdpSmsReset.Server.Features.Shared.Audit;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>Events for other systems: the outbox beside the audit, webhook deliveries on a queue of their own, the audit stream.</summary>
public static class EventsHosting
{
    public static WebApplicationBuilder AddIdpEvents(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>()
            .BindSection(builder.Configuration, WebhookOptions.SectionName)
            .PostConfigure(webhooks => webhooks.AllowPrivateNetworks ??= development)
            .Validate(webhooks => !webhooks.Validate().Any(), "Idp:Webhooks is out of range (see WebhookOptions).")
            .ValidateOnStart();

        var toOpenTelemetry = !string.IsNullOrWhiteSpace(builder.Configuration[ObservabilityHosting.OtlpEndpointVariable]);
        builder.Services.AddSingleton<IAuditStream>(services => new AuditStreamWriter(services.GetRequiredService<IOptions<AuditOptions>>(),
            services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<ILoggerFactory>(), toOpenTelemetry));
        builder.Logging.AddFilter<ConsoleLoggerProvider>(AuditStreamWriter.Category, LogLevel.None);

        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookDirectory>();
        builder.Services.AddSingleton<EventOutbox>();
        // Written as the discovery document writes the issuer (with its path's slash), so receivers can compare the two.
        builder.Services.AddSingleton(services =>
            new EventOrigin(new Uri(services.GetRequiredService<IOptions<IdpOptions>>().Value.IssuerUri.AbsoluteUri)));
        builder.Services.AddScoped<WebhookPayloads>();
        builder.Services.AddScoped<WebhookSubscriptions>();
        builder.Services.AddScoped<WebhookOutboxSweeper>();
        // The subscription's URL chooses where this posts: no redirects, no internal address unless allowed.
        builder.Services.AddHttpClient<WebhookDeliveryJob>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services => Core.Net.OutboundDestinations.Handler(
                services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks == true));

        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            // A queue and workers of their own: a slow receiver holds webhook workers, never the SMS codes' or the rest.
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.ServerName = $"{Environment.MachineName}:{WebhookDeliveryJob.Queue}:{Guid.NewGuid():N}";
                server.WorkerCount = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Workers;
                server.Queues = [WebhookDeliveryJob.Queue];
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        builder.Services.AddSingleton(new RecurringJobSchedule(WebhookOutboxSweeper.RecurringJobId, (recurringJobs, _) =>
            recurringJobs.AddOrUpdate<WebhookOutboxSweeper>(WebhookOutboxSweeper.RecurringJobId, JobQueues.Default,
                sweeper => sweeper.RunAsync(CancellationToken.None), Cron.Minutely())));
        return builder;
    }
}
