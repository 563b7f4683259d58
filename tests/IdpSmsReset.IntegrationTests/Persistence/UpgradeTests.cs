using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IdpSmsReset.IntegrationTests.Persistence;

/// <summary>
/// From each release on, only migrations are added: a database filled at a release (its last migration, then
/// <c>Releases/&lt;release&gt;.sql</c>) is brought up to this build's schema, and what it held is still there.
/// </summary>
public abstract class UpgradeTests
{
    /// <summary>Each release, and its last migration per provider. A release adds a line here and its .sql file.</summary>
    private static readonly Dictionary<string, Dictionary<DatabaseProvider, string>> Releases = new()
    {
        ["v0.1.0"] = new()
        {
            [DatabaseProvider.Sqlite] = "20261207001146_InitialSchema",
            [DatabaseProvider.SqlServer] = "20261207001154_InitialSchema",
            [DatabaseProvider.PostgreSql] = "20261207001201_InitialSchema",
        },
    };

    public static TheoryData<string> Released => new(Releases.Keys);

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>A new empty database of the provider, and its connection string.</summary>
    protected abstract string NewDatabase();

    [SkippableTheory]
    [MemberData(nameof(Released))]
    public async Task DatabaseFilledAtARelease_EveryNewerMigrationApplied_ItsUsersPoliciesAndApplicationsRemain(string release)
    {
        await using var upgraded = await UpgradedFromAsync(release);

        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
        var user = await upgraded.Set<ApplicationUser>().SingleAsync(candidate => candidate.UserName == "released-ann");
        var policy = await upgraded.Set<SecurityPolicy>().SingleAsync(candidate => candidate.Id == user.SecurityPolicyId);
        Assert.Equal(("Ann Released", "+14155550199"), (user.DisplayName, user.PhoneNumber));
        Assert.Equal(("Released policy", 14, MfaRequirement.Always, 7),
            (policy.Name, policy.Password.MinLength, policy.Mfa.Require, policy.PasswordReset.CodeLength));
        Assert.Equal(1, await upgraded.Database.SqlQueryRaw<int>(
            """SELECT COUNT(*) AS "Value" FROM "OpenIddictApplications" WHERE "ClientId" = 'released-web'""").SingleAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Released))]
    public async Task LimitsCountedAtARelease_Upgraded_StillCountedUnderTheirBudgets(string release)
    {
        await using var upgraded = await UpgradedFromAsync(release);

        var counted = (await upgraded.Set<LimitCount>().ToListAsync())
            .Select(count => $"{count.Budget} {count.Subject} {count.UserId}").Order(StringComparer.Ordinal);
        Assert.Equal([
            "device-user-code/address 198.51.100.9 ",
            "reset-send/account released-user-1 released-user-1",
            "reset-send/country US released-user-1",
            "reset-send/destination +14155550199 released-user-1",
            "reset-wrong-code/account released-user-1 released-user-1",
            "reset-wrong-code/address 203.0.113.7 released-user-1",
        ], counted);
    }

    [SkippableTheory]
    [MemberData(nameof(Released))]
    public async Task ResetUnderWayAtARelease_Upgraded_ItsCodeIsTheFlowsChallengeWithItsAttempts(string release)
    {
        await using var upgraded = await UpgradedFromAsync(release);

        var flow = await upgraded.Set<PasswordResetFlow>().SingleAsync(candidate => candidate.UserId == "released-user-1");
        var challenges = await upgraded.Set<SmsChallenge>().ToListAsync();
        var challenge = Assert.Single(challenges, candidate => candidate.Id == flow.ChallengeId);
        Assert.Equal((flow.Id, "password-reset", 2, new DateTime(2026, 12, 1, 10, 10, 5)),
            (challenge.FlowId, challenge.Purpose, challenge.Attempts, challenge.ExpiresAt));
    }

    /// <summary>A database filled at <paramref name="release"/>, brought up to this build's schema.</summary>
    private async Task<IdpDbContext> UpgradedFromAsync(string release)
    {
        var builder = new DbContextOptionsBuilder<IdpDbContext>();
        builder.UseIdpDatabase(Provider, NewDatabase());
        builder.WithIdentitySchema();
        var options = builder.Options;
        await using (var atRelease = new IdpDbContext(options))
        {
            await atRelease.GetService<IMigrator>().MigrateAsync(Releases[release][Provider]);
            await atRelease.Database.ExecuteSqlRawAsync(await File.ReadAllTextAsync(
                Path.Combine(AppContext.BaseDirectory, "Persistence", "Releases", release + ".sql")));
        }

        var upgraded = new IdpDbContext(options);
        await upgraded.Database.MigrateAsync();
        return upgraded;
    }
}

public sealed class UpgradeTestsOnSqlite : UpgradeTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-upgrade-").FullName;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string NewDatabase() => $"Data Source={Path.Combine(_directory, "upgrade.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class UpgradeTestsOnPostgreSql : UpgradeTests, IDisposable
{
    private readonly string _database = "idp_upgrade_" + Guid.NewGuid().ToString("n");

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string NewDatabase()
    {
        PostgreSqlTestServer.RequireAvailable();
        return PostgreSqlTestServer.ConnectionString(_database);
    }

    public void Dispose() => PostgreSqlTestServer.DropDatabase(_database);
}
