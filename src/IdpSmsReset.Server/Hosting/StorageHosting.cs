using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class StorageHosting
{
    /// <summary>The name every instance shares, so that they read each other's cookies and protected data.</summary>
    public const string DataProtectionApplicationName = "IdpSmsReset";

    /// <summary>The database, migrated and bootstrapped before the server accepts its first request.</summary>
    public static WebApplicationBuilder AddIdpStorage(this WebApplicationBuilder builder)
    {
        // First of the hosted services: Data Protection loads its key ring from the database at start.
        builder.Services.AddSingleton<BootstrapSource>();
        builder.Services.AddSingleton<DatabaseMigration>();
        builder.Services.AddSingleton<ChangeStamps>();
        builder.Services.AddOptions<CacheOptions>()
            .BindSection(builder.Configuration, CacheOptions.SectionName)
            .Validate(cache => !cache.Validate().Any(), "Idp:Cache:MaxAge is out of range (see CacheOptions).")
            .ValidateOnStart();
        builder.Services.AddScoped<LimitGates>();
        builder.Services.AddScoped<Budgets>();
        builder.Services.AddOptions<ClientNetworkOptions>()
            .BindSection(builder.Configuration, ClientNetworkOptions.SectionName)
            .Validate(network => network.Validate().Count == 0,
                $"{ClientNetworkOptions.SectionName}:{nameof(ClientNetworkOptions.Ipv6PrefixLength)} must be between 32 and 128.")
            .ValidateOnStart();
        // First: a second instance on the same SQLite file stops before it migrates or runs a job.
        builder.Services.AddHostedService<SqliteInstanceLock>();
        // A singleton too, so that the command line's import runs it without the other hosted services.
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());

        builder.Services.AddSingleton(services => IdpDatabase.Resolve(
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value, services.GetRequiredService<IHostEnvironment>()));

        // Pooled: the token endpoint and the login page open a context on every request.
        builder.Services.AddDbContextPool<IdpDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IdpDatabase>();
            options.UseIdpDatabase(database.Provider, database.ConnectionString)
                .AddInterceptors(new UserChangeTimes(services.GetRequiredService<TimeProvider>()),
                    services.GetRequiredService<Core.Events.EventOutbox>());
        });

        // Keys in the database: a restart or a second instance keeps cookies, anti-forgery tokens and secrets readable.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<IdpDbContext>();

        // Where a certificate is configured for it (required outside Development), the key ring is encrypted with it,
        // so that a copy of the database alone does not reveal what the keys protect (the token keys included).
        var certificates = IdpOptions.ReadAtRegistration(builder.Configuration).Certificates;
        var protection = certificates.DataProtection.IsConfigured ? certificates.DataProtection : certificates.Encryption;
        if (protection.IsConfigured && File.Exists(protection.Path))
        {
            dataProtection.ProtectKeysWithCertificate(protection.Load());
        }

        return builder;
    }
}
