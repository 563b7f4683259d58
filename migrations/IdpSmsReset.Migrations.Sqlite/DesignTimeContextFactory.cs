using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdpSmsReset.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model from this project alone, without starting the server.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new IdpDbContext(options.Options);
    }
}
