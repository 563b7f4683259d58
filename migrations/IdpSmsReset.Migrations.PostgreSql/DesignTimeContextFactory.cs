using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Migrations.PostgreSql;

/// <summary>Found by <c>dotnet ef</c> in this assembly: the PostgreSql model, for <c>scripts/add-migration.sh</c>.</summary>
public sealed class DesignTimeContextFactory() : IdpDesignTimeContextFactory(DatabaseProvider.PostgreSql, "Host=localhost;Database=idp_design_time;Username=postgres");
