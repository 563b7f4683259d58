using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdpSmsReset.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the Sqlite model from this project alone; no server is contacted to add a migration.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new IdpDbContext(options.Options);
    }
}
