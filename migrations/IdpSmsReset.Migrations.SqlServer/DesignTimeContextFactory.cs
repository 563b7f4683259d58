using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdpSmsReset.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SqlServer model from this project alone; no server is contacted to add a migration.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=IdpDesignTime;Trusted_Connection=True;TrustServerCertificate=True");
        return new IdpDbContext(options.Options);
    }
}
