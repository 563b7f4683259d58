using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// Identity's schema version 3 (with the passkeys table). Identity reads the version from the options of the context's
/// application services: the host sets it in AddIdentity; a context made without a host (design-time tooling, tests)
/// gets these services, so every model is the same.
/// </summary>
public static class IdentitySchema
{
    public static readonly Version Version = IdentitySchemaVersions.Version3;

    private static readonly IServiceProvider StandaloneServices = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = Version)
        .BuildServiceProvider();

    /// <summary>For a context made outside the host: Identity's options with the schema version.</summary>
    public static DbContextOptionsBuilder<IdpDbContext> WithIdentitySchema(this DbContextOptionsBuilder<IdpDbContext> options) =>
        options.UseApplicationServiceProvider(StandaloneServices);
}
