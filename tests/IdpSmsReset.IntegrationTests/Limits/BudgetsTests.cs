using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Limits;

/// <summary>
/// A budget allows exactly what it says when requests race for it from two instances: the server under test, and a
/// second one that shares nothing with it but the database (its own context, gates and budgets).
/// </summary>
public abstract class BudgetsTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task CheckedAndChargedUnderTheGate_RacedFromTwoInstances_AdmitsExactlyTheBudget()
    {
        var budget = new Budget("test/gated", Allowed: 5, TimeSpan.FromHours(1));
        var subject = NewSubject();

        var admitted = await Task.WhenAll(Enumerable.Range(0, 16).Select(attempt => OnInstanceAsync(attempt % 2, budgets =>
            budgets.UnderGateAsync(new Charge(budget, subject), async () =>
            {
                if (await budgets.IsSpentAsync(budget, subject, CancellationToken.None))
                {
                    return false;
                }

                await budgets.ChargeAsync([new Charge(budget, subject)], userId: null, CancellationToken.None);
                return true;
            }, committed => committed, CancellationToken.None))));

        Assert.Equal(5, admitted.Count(ok => ok));
        Assert.Equal(5, await OnInstanceAsync(0, budgets => budgets.SpentAsync(budget, subject, null, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task ChargedFirstAndCountedAfter_RacedFromTwoInstances_NeverAdmitsPastTheBudgetAndRefundsTheRest()
    {
        var budget = new Budget("test/reserved", Allowed: 3, TimeSpan.FromHours(1));
        var subject = NewSubject();

        var admitted = await Task.WhenAll(Enumerable.Range(0, 12).Select(attempt => OnInstanceAsync(attempt % 2, async budgets =>
        {
            Charge[] charges = [new(budget, subject)];
            var charged = await budgets.ChargeAsync(charges, userId: null, CancellationToken.None);
            if (await budgets.FirstOverdrawnAsync(charges, CancellationToken.None) is null)
            {
                return true;
            }

            await budgets.RefundAsync(charged, CancellationToken.None);
            return false;
        })));

        Assert.InRange(admitted.Count(ok => ok), 1, 3);
        Assert.Equal(admitted.Count(ok => ok),
            await OnInstanceAsync(1, budgets => budgets.SpentAsync(budget, subject, null, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task ChargesOlderThanTheWindowOrBeforeCountedFrom_NotCounted()
    {
        var budget = new Budget("test/window", Allowed: 2, TimeSpan.FromHours(1));
        var subject = NewSubject();
        await OnInstanceAsync(0, budgets =>
            budgets.ChargeAsync([new(budget, subject), new(budget, subject)], null, CancellationToken.None));
        Assert.True(await OnInstanceAsync(0, budgets => budgets.IsSpentAsync(budget, subject, CancellationToken.None)));

        var forgivenFrom = factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(1);
        Assert.Equal(0, await OnInstanceAsync(0, budgets => budgets.SpentAsync(budget, subject, forgivenFrom, CancellationToken.None)));
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            Assert.False(await OnInstanceAsync(1, budgets => budgets.IsSpentAsync(budget, subject, CancellationToken.None)));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-61));
        }
    }

    [SkippableFact]
    public async Task OneBudgetSpent_AnotherBudgetOfTheSameSubject_StillAllows()
    {
        var spent = new Budget("test/one", Allowed: 1, TimeSpan.FromHours(1));
        var other = spent with { Name = "test/other" };
        var subject = NewSubject();

        await OnInstanceAsync(0, budgets => budgets.ChargeAsync([new(spent, subject)], null, CancellationToken.None));

        Assert.True(await OnInstanceAsync(0, budgets => budgets.IsSpentAsync(spent, subject, CancellationToken.None)));
        Assert.False(await OnInstanceAsync(1, budgets => budgets.IsSpentAsync(other, subject, CancellationToken.None)));
    }

    private static string NewSubject() => "198.51.100." + Random.Shared.Next(1, 255) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Runs <paramref name="work"/> on instance 0 (the server's own services) or 1 (a second one on the same database).</summary>
    private async Task<T> OnInstanceAsync<T>(int instance, Func<Budgets, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        if (instance == 0)
        {
            return await work(scope.ServiceProvider.GetRequiredService<Budgets>());
        }

        var database = scope.ServiceProvider.GetRequiredService<IdpDatabase>();
        var options = new DbContextOptionsBuilder<IdpDbContext>();
        options.UseIdpDatabase(database.Provider, database.ConnectionString);
        options.WithIdentitySchema();
        await using var context = new IdpDbContext(options.Options);
        return await work(new Budgets(context, new LimitGates(context, factory.Clock), factory.Clock));
    }
}

public sealed class BudgetsTestsOnSqlite(SqliteIdpFactory factory) : BudgetsTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class BudgetsTestsOnPostgreSql(PostgreSqlIdpFactory factory) : BudgetsTests(factory), IClassFixture<PostgreSqlIdpFactory>;
