using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Persistence;

/// <summary>
/// A change is recorded inside its unit of work: a request that reads the counters before the commit must not keep
/// this instance from seeing the change right after it (the page says a rotated secret stops working at once).
/// </summary>
public abstract class ChangeStampsCommitTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task CountersReadBeforeTheChangeCommits_ReadAgainRightAfter_SeeTheChange()
    {
        var stamps = factory.Services.GetRequiredService<ChangeStamps>();
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var before = await stamps.CurrentAsync(ChangeAreas.Policies, CancellationToken.None);

        // The counters read by another request while the change is in its unit of work, not yet committed.
        var during = await database.InTransactionAsync(async () =>
        {
            await database.Set<SecurityPolicy>().Where(policy => policy.IsDefault)
                .ExecuteUpdateAsync(set => set.SetProperty(policy => policy.Name, policy => policy.Name));
            // A slow commit: the change is older than the counters' MaxAge by the time it commits.
            factory.Clock.Advance(stamps.MaxAge + TimeSpan.FromMilliseconds(100));
            return await stamps.CurrentAsync(ChangeAreas.Policies, CancellationToken.None);
        }, _ => true, CancellationToken.None);

        var after = await stamps.CurrentAsync(ChangeAreas.Policies, CancellationToken.None);

        Assert.Equal(before, during);
        Assert.Equal(before + 1, after);
    }
}

public sealed class ChangeStampsCommitTestsOnSqlite(SqliteIdpFactory factory) : ChangeStampsCommitTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class ChangeStampsCommitTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ChangeStampsCommitTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
