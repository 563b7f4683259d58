using System.Text.Json;
using Hangfire;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// When sessions end, every application that obtained tokens through them and has a back-channel logout URI is owed a
/// Logout Token: one delivery row each, handed to <see cref="BackchannelLogoutJob"/>. The sign-out never waits for them.
/// </summary>
public sealed class BackchannelLogouts(IdpDbContext database, IBackgroundJobClient jobs, TimeProvider time)
{
    public async Task QueueAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        var owed = await database.Set<SessionAuthorization>().AsNoTracking()
            .Where(a => sessionIds.Contains(a.SessionId))
            .Join(database.Set<UserSession>(), a => a.SessionId, s => s.Id, (a, s) => new { a.SessionId, a.ApplicationId, s.UserId })
            .Join(database.Set<OpenIddictEntityFrameworkCoreApplication>(), a => a.ApplicationId, application => application.Id,
                (a, application) => new { a.SessionId, a.UserId, application.ClientId, application.Properties })
            .Distinct().ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var deliveries = owed
            .Select(entry => (entry, Logout: BackchannelLogoutOf(entry.Properties)))
            .Where(pair => pair.Logout.Uri is not null)
            .Select(pair => new BackchannelLogoutDelivery
            {
                Id = Guid.NewGuid(), UserId = pair.entry.UserId, SessionId = pair.entry.SessionId, ClientId = pair.entry.ClientId!,
                Uri = pair.Logout.Uri!, SessionRequired = pair.Logout.SessionRequired, Status = BackchannelLogoutStatus.Pending,
                CreatedAt = now,
            })
            .ToList();
        if (deliveries.Count == 0)
        {
            return;
        }

        database.AddRange(deliveries);
        await database.SaveChangesAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            BackchannelLogoutJob.Enqueue(jobs, delivery.Id);
        }
    }

    /// <summary>The recent deliveries owed for <paramref name="userId"/>'s sessions, newest first (the user's admin page).</summary>
    public async Task<IReadOnlyList<BackchannelLogoutDelivery>> RecentAsync(string userId, CancellationToken cancellationToken) =>
        await database.Set<BackchannelLogoutDelivery>().AsNoTracking().Where(d => d.UserId == userId)
            .OrderByDescending(d => d.CreatedAt).Take(20).ToListAsync(cancellationToken);

    // OpenIddict stores an application's properties as one JSON object; the mapper reads the logout settings from it.
    private static (string? Uri, bool SessionRequired) BackchannelLogoutOf(string? properties) =>
        string.IsNullOrEmpty(properties)
            ? (null, false)
            : ApplicationDescriptorMapper.BackchannelLogoutOf(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(properties)!);
}
