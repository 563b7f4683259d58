using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Migrations.SqlServer;

/// <summary>Found by <c>dotnet ef</c> in this assembly: the SqlServer model, for <c>scripts/add-migration.sh</c>.</summary>
public sealed class DesignTimeContextFactory() : IdpDesignTimeContextFactory(DatabaseProvider.SqlServer, "Server=localhost;Database=IdpDesignTime;Trusted_Connection=True;TrustServerCertificate=True");
