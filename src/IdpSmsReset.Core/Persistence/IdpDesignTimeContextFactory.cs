using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// What <c>dotnet ef</c> builds the model with in a migrations assembly: the provider alone, with a connection string
/// that is never opened (adding a migration needs no server).
/// </summary>
public abstract class IdpDesignTimeContextFactory(DatabaseProvider provider,
    string connectionString) : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(provider, connectionString);
        options.WithIdentitySchema();
        return new IdpDbContext(options.Options);
    }
}
