using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IdpSmsReset.UnitTests.Persistence;

/// <summary>The schema of every provider, checked without a server: SQL Server cannot run here at all.</summary>
public sealed class MigrationsTests
{
    private static readonly Dictionary<DatabaseProvider, string> OfflineConnectionStrings = new()
    {
        [DatabaseProvider.Sqlite] = "Data Source=:memory:",
        [DatabaseProvider.SqlServer] = "Server=sql.invalid;Database=Idp;User Id=sa;Password=x;TrustServerCertificate=True",
        [DatabaseProvider.PostgreSql] = "Host=pg.invalid;Database=idp;Username=idp;Password=x",
    };

    public static TheoryData<DatabaseProvider> Providers => new(Enum.GetValues<DatabaseProvider>());

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_OfEveryProvider_MatchTheCurrentModel(DatabaseProvider provider)
    {
        using var context = CreateContext(provider);

        // Fails when the model changed without "scripts/add-migration.sh" for all three providers.
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} migrations are behind the model: run scripts/add-migration.sh.");
        Assert.NotEmpty(context.Database.GetMigrations());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_BuiltWithEveryProvider_HasNoValidationErrors(DatabaseProvider provider)
    {
        using var context = CreateContext(provider);

        // Building the design-time model runs the provider's model validation (key lengths, types, indexes).
        var model = context.GetService<IDesignTimeModel>().Model;

        Assert.NotNull(model.FindEntityType(typeof(Core.Users.ApplicationUser)));
        Assert.NotNull(model.FindEntityType(typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_OfEveryProvider_MakeEmailAddressesUnique(DatabaseProvider provider)
    {
        using var context = CreateContext(provider);

        // The model the migrations leave behind (their snapshot), not the one the code would like.
        var snapshot = context.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        var index = snapshot.FindEntityType(typeof(Core.Users.ApplicationUser).FullName!)!.GetIndexes()
            .Single(i => i.Properties.Select(p => p.Name).SequenceEqual(["NormalizedEmail"]));

        Assert.True(index.IsUnique);
    }

    [Fact]
    public void SqlServer_IdempotentMigrationScript_ParsesWithoutErrors()
    {
        using var context = CreateContext(DatabaseProvider.SqlServer);
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.Empty(errors.Select(error => $"line {error.Line}: {error.Message}"));
        var statements = ((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements).ToList();
        Assert.Contains(statements, statement => statement is IfStatement);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [OpenIddictTokens]", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
    }

    private static IdpDbContext CreateContext(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(provider, OfflineConnectionStrings[provider]);
        options.WithIdentitySchema();
        return new IdpDbContext(options.Options);
    }
}
