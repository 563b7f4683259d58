using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdpSmsReset.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSql model from this project alone; no server is contacted to add a migration.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<IdpDbContext>
{
    public IdpDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=idp_design_time;Username=postgres");
        return new IdpDbContext(options.Options);
    }
}
