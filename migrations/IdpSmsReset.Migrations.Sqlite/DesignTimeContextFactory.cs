using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Migrations.Sqlite;

/// <summary>Found by <c>dotnet ef</c> in this assembly: the Sqlite model, for <c>scripts/add-migration.sh</c>.</summary>
public sealed class DesignTimeContextFactory() : IdpDesignTimeContextFactory(DatabaseProvider.Sqlite, "Data Source=design-time.db");
