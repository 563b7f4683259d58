using Hangfire;
using Hangfire.Storage;
using IdpSmsReset.Core.Maintenance;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.IntegrationTests.Maintenance;

/// <summary>The hourly prune: what ended long enough ago goes, what is still in use stays.</summary>
public abstract class PruneJobTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Prune_EndedLongAgo_Deleted_LiveKept()
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var expired = await tokens.CreateAsync(Token(now.AddDays(-3), now.AddDays(-2)));
        var live = await tokens.CreateAsync(Token(now.AddMinutes(-5), now.AddMinutes(55)));
        var userId = (await database.Users.FirstAsync(user => user.UserName == "alice")).Id;
        var endedSession = Session(userId, lastSeen: now.AddDays(-3), ended: now.AddDays(-3));
        var abandonedSession = Session(userId, lastSeen: now.AddDays(-3), ended: null);
        var liveSession = Session(userId, lastSeen: now.AddMinutes(-1), ended: null);
        database.AddRange(endedSession, abandonedSession, liveSession);
        await database.SaveChangesAsync();

        var result = await scope.ServiceProvider.GetRequiredService<PruneJob>().RunAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(8),
            CancellationToken.None);

        // A fresh scope: OpenIddict's managers cache what they read within one.
        await using var after = factory.Services.CreateAsyncScope();
        var tokensAfter = after.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        Assert.True(result.Tokens >= 1);
        Assert.Null(await tokensAfter.FindByIdAsync((await tokens.GetIdAsync(expired))!));
        Assert.NotNull(await tokensAfter.FindByIdAsync((await tokens.GetIdAsync(live))!));
        var left = await database.Set<UserSession>().AsNoTracking()
            .Where(session => new[] { endedSession.Id, abandonedSession.Id,
                liveSession.Id }.Contains(session.Id)).Select(session => session.Id).ToListAsync();
        Assert.Equal([liveSession.Id], left);
    }

    [SkippableFact]
    public async Task Prune_AuditEvents_OlderThanRetainForDeleted_YoungerKept()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var old = AuditEventAt(now.AddDays(-401));
        var kept = AuditEventAt(now.AddDays(-399));
        database.AddRange(old, kept);
        await database.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<PruneJob>().RunAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(8),
            CancellationToken.None);

        var left = await database.Set<Core.Audit.AuditEvent>().AsNoTracking()
            .Where(e => e.Id == old.Id || e.Id == kept.Id).Select(e => e.Id).ToListAsync();
        Assert.Equal([kept.Id], left);
    }

    [SkippableFact]
    public async Task Prune_WebhookDeliveries_EndedLongAgoDeleted_PendingAndRecentKept()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var subscription = await factory.SubscribeAsync("https://hooks.example/idp", ["keys.*"]);
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var audit = AuditEventAt(now);
        Core.Events.WebhookDelivery Delivery(Core.Events.WebhookDeliveryStatus status, DateTime? completedAt) =>
            With(Core.Events.WebhookDeliveryJob.NewDelivery(subscription, audit, now), status, completedAt);
        var endedLongAgo = Delivery(Core.Events.WebhookDeliveryStatus.Delivered, now.AddDays(-3));
        var endedRecently = Delivery(Core.Events.WebhookDeliveryStatus.Failed, now.AddMinutes(-5));
        // Pending a long time (a receiver down for hours): kept whatever its age.
        var pending = Delivery(Core.Events.WebhookDeliveryStatus.Pending, null);
        database.AddRange(endedLongAgo, endedRecently, pending);
        await database.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<PruneJob>().RunAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(8),
            CancellationToken.None);

        var left = await database.Set<Core.Events.WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscription)
            .Select(d => d.MessageId).ToListAsync();
        Assert.Equal(new[] { endedRecently.MessageId, pending.MessageId }.Order(), left.Order());
    }

    private static Core.Events.WebhookDelivery With(Core.Events.WebhookDelivery delivery, Core.Events.WebhookDeliveryStatus status,
        DateTime? completedAt)
    {
        delivery.Status = status;
        delivery.CompletedAt = completedAt;
        delivery.NextAttemptAt = delivery.CreatedAt.AddDays(-3);
        return delivery;
    }

    private static Core.Audit.AuditEvent AuditEventAt(DateTime at) => new()
    {
        Id = Guid.NewGuid(), OccurredAt = at, Type = Core.Audit.AuditEventTypes.PasswordChanged, Actor = "retention-test",
    };

    [SkippableFact]
    public void Prune_IsAnHourlyRecurringJob()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var prune = connection.GetRecurringJobs().SingleOrDefault(job => job.Id == PruneJob.RecurringJobId);

        Assert.NotNull(prune);
        Assert.Equal(Cron.Hourly(), prune.Cron);
    }

    private static OpenIddictTokenDescriptor Token(DateTimeOffset created, DateTimeOffset expires) => new()
    {
        CreationDate = created,
        ExpirationDate = expires,
        Status = Statuses.Valid,
        Type = TokenTypeHints.AccessToken,
        Subject = "prune-test",
    };

    private static UserSession Session(string userId, DateTimeOffset lastSeen, DateTimeOffset? ended) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        CreatedAt = lastSeen.UtcDateTime,
        LastSeenAt = lastSeen.UtcDateTime,
        EndedAt = ended?.UtcDateTime,
        Methods = "pwd",
    };
}

public sealed class PruneJobTestsOnSqlite(SqliteIdpFactory factory) : PruneJobTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class PruneJobTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PruneJobTests(factory), IClassFixture<PostgreSqlIdpFactory>;
