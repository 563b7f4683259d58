using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Persistence;

/// <summary>
/// No change has to remember to move its area's change stamp: every way EF Core writes a configuration table moves it,
/// in the write's own transaction, and nothing else does.
/// </summary>
public abstract class CachedTableWritesTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task PolicyRenamedInAUnitOfWork_StampMovesWhenItCommits()
    {
        var before = await VersionAsync(ChangeAreas.Policies);

        var during = await InScopeAsync(database => database.InTransactionAsync(async () =>
        {
            var policy = await database.Set<SecurityPolicy>().FirstAsync(candidate => candidate.IsDefault);
            policy.Name += " ";
            await database.SaveChangesAsync();
            return await VersionAsync(ChangeAreas.Policies);
        }, _ => true, CancellationToken.None));

        Assert.Equal(before, during);
        Assert.Equal(before + 1, await VersionAsync(ChangeAreas.Policies));
    }

    [SkippableFact]
    public async Task PolicyRenamedThenRolledBack_StampStays()
    {
        var before = await VersionAsync(ChangeAreas.Policies);

        await InScopeAsync(database => database.InTransactionAsync(async () =>
        {
            await database.Set<SecurityPolicy>().ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, p => p.Name + "x"));
            return false;
        }, committed => committed, CancellationToken.None));

        Assert.Equal(before, await VersionAsync(ChangeAreas.Policies));
    }

    [SkippableFact]
    public async Task PolicyAddedAndRemovedEachInOneStatement_StampMovesForEach()
    {
        var before = await VersionAsync(ChangeAreas.Policies);
        var id = Guid.NewGuid();

        await InScopeAsync(async database =>
        {
            database.Add(new SecurityPolicy { Id = id, Name = "stamp-" + id.ToString("N")[..8] });
            return await database.SaveChangesAsync();
        });
        var added = await VersionAsync(ChangeAreas.Policies);
        await InScopeAsync(database => database.Set<SecurityPolicy>().Where(policy => policy.Id == id).ExecuteDeleteAsync());

        Assert.Equal(before + 1, added);
        Assert.Equal(before + 2, await VersionAsync(ChangeAreas.Policies));
    }

    [SkippableFact]
    public async Task UpdateMatchingNoRowOrAReadOrAnotherTable_StampsStay()
    {
        var before = await AllVersionsAsync();

        await InScopeAsync(database => database.Set<SecurityPolicy>().Where(policy => policy.Name == "no such policy")
            .ExecuteUpdateAsync(set => set.SetProperty(policy => policy.Name, "renamed")));
        await InScopeAsync(database => database.Set<SecurityPolicy>().CountAsync());
        await InScopeAsync(async database =>
        {
            database.Add(new AuditEvent { Id = Guid.NewGuid(), Type = "test.stamps", Actor = "test", OccurredAt = DateTime.UtcNow });
            return await database.SaveChangesAsync();
        });

        Assert.Equal(before, await AllVersionsAsync());
    }

    private async Task<T> InScopeAsync<T>(Func<IdpDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IdpDbContext>());
    }

    private Task<long> VersionAsync(string area) => InScopeAsync(database =>
        database.Set<ChangeStamp>().AsNoTracking().Where(stamp => stamp.Area == area).Select(stamp => stamp.Version).SingleAsync());

    private Task<Dictionary<string, long>> AllVersionsAsync() => InScopeAsync(database =>
        database.Set<ChangeStamp>().AsNoTracking().ToDictionaryAsync(stamp => stamp.Area, stamp => stamp.Version));
}

public sealed class CachedTableWritesTestsOnSqlite(SqliteIdpFactory factory) : CachedTableWritesTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class CachedTableWritesTestsOnPostgreSql(PostgreSqlIdpFactory factory) : CachedTableWritesTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
