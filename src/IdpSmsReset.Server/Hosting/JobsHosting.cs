using Hangfire.Common;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using IdpSmsReset.Core.Maintenance;
using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class JobsHosting
{
    public const string SchemaName = "hangfire";

    // Someone is waiting for the code a job sends: Hangfire.PostgreSql's default 15 s poll is far too slow.
    private static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SqliteQueuePollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Hangfire, storing its jobs on the application's database server, so they survive a restart.</summary>
    public static WebApplicationBuilder AddIdpJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>()
            .BindSection(builder.Configuration, JobsOptions.SectionName)
            .Validate(options => options.WorkerCount is >= 1 and <= 100, "Idp:Jobs:WorkerCount must be between 1 and 100.")
            .Validate(options => options.KeepEndedFor >= TimeSpan.FromHours(1) && options.KeepEndedFor <= TimeSpan.FromDays(365),
                "Idp:Jobs:KeepEndedFor must be between 01:00:00 and 365.00:00:00.")
            .ValidateOnStart();

        // Registered before AddHangfire, which then keeps them: Hangfire's defaults are process-wide statics
        // (JobStorage.Current, JobActivator.Current) that two hosts in one process would overwrite.
        builder.Services.AddSingleton(services =>
        {
            // Built while the host is assembled, before any hosted service starts: the schema must exist first.
            services.GetRequiredService<DatabaseMigration>().EnsureMigratedAsync().GetAwaiter().GetResult();
            return CreateStorage(services.GetRequiredService<IdpDatabase>());
        });
        builder.Services.AddSingleton<JobActivator>(services
            => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<IJobFilterProvider, JobFilters>();

        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>())));

        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.WorkerCount = services.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                server.Queues = JobQueues.ByPriority;
                server.SchedulePollingInterval = QueuePollInterval;
            });
            builder.Services.AddHangfireServer((_, server) =>
            {
                server.ServerName = $"{Environment.MachineName}:{JobQueues.ResetCodes}:{Guid.NewGuid():N}";
                server.WorkerCount = 1;
                server.Queues = [JobQueues.ResetCodes];
                server.SchedulePollingInterval = QueuePollInterval;
            });
        }

        builder.Services.AddScoped<PruneJob>();
        builder.Services.AddHostedService<RecurringJobSchedules>();
        // Every hour; Hangfire's recurring job runs once at a time across instances, and is retried after a restart.
        builder.Services.AddSingleton(new RecurringJobSchedule(PruneJob.RecurringJobId, (recurringJobs, services) =>
        {
            var keep = services.GetRequiredService<IOptions<JobsOptions>>().Value.KeepEndedFor;
            recurringJobs.AddOrUpdate<PruneJob>(PruneJob.RecurringJobId, JobQueues.Default,
                job => job.RunAsync(keep, IdentityHosting.SessionLifetime, CancellationToken.None), Cron.Hourly());
        }));
        return builder;
    }

    private static JobStorage CreateStorage(IdpDatabase database) => database.Provider switch
    {
        // SQLite has no way to wake a waiting worker: a short poll on a local file keeps the wait for a code short.
        DatabaseProvider.Sqlite => new SQLiteStorage(database.SqliteJobsFile(),
            new SQLiteStorageOptions { QueuePollInterval = SqliteQueuePollInterval }),
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = true,
            // Zero: the storage waits on the queue instead of polling it.
            QueuePollInterval = TimeSpan.Zero,
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
        }),
        DatabaseProvider.PostgreSql => CreatePostgreSqlStorage(database.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider."),
    };

    private static PostgreSqlStorage CreatePostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = QueuePollInterval,
            // LISTEN/NOTIFY wakes a worker as soon as a job is enqueued; the poll interval is the fallback.
            EnableLongPolling = true,
            // How old a lock must be to count as left by an instance that died holding it (10 min by default). No lock
            // here is held for more than a moment: the reset-code job's lock covers database work only. Ten minutes of
            // a dead instance's lock would stop every reset code in the cluster for as long.
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
