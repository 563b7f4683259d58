using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>The dashboard's logs, as queries its list pages narrow by date and page through (never the SMS text).</summary>
public sealed class AdminLogs(IdpDbContext database)
{
    /// <summary>Audit events, of one type and about one user (by username) when given.</summary>
    public IQueryable<AuditEvent> AuditEvents(string? type, string? userName)
    {
        var events = database.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            var wanted = type.Trim();
            events = events.Where(e => e.Type == wanted);
        }

        if (!string.IsNullOrWhiteSpace(userName))
        {
            var normalized = userName.Trim().ToUpperInvariant();
            var ids = database.Users.Where(user => user.NormalizedUserName == normalized).Select(user => user.Id);
            events = events.Where(e => ids.Contains(e.SubjectUserId!));
        }

        return events;
    }

    /// <summary>The usernames of the given users (a deleted user has none).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> UserNamesAsync(IReadOnlyCollection<string> userIds,
        CancellationToken cancellationToken) =>
        await database.Users.Where(user => userIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.UserName,
            cancellationToken);

    /// <summary>Outbox messages, of one status when given.</summary>
    public IQueryable<OutboundSms> Messages(OutboundSmsStatus? status)
    {
        var messages = database.Set<OutboundSms>().AsNoTracking();
        return status is { } wanted ? messages.Where(sms => sms.Status == wanted) : messages;
    }
}
