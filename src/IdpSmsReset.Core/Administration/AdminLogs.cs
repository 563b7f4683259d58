using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>The dashboard's logs, as queries its list pages narrow by date and page through (never the SMS text).</summary>
public sealed class AdminLogs(IdpDbContext database)
{
    /// <summary>The audit events <paramref name="filter"/> asks for, in no order.</summary>
    public IQueryable<AuditEvent> AuditEvents(AuditFilter filter)
    {
        var events = database.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var wanted = filter.Type.Trim();
            events = events.Where(e => e.Type == wanted);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var normalized = filter.UserName.Trim().ToUpperInvariant();
            var ids = database.Users.Where(user => user.NormalizedUserName == normalized).Select(user => user.Id);
            events = events.Where(e => ids.Contains(e.SubjectUserId!));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            events = events.Where(e => e.Actor == actor);
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.Until is { } until)
        {
            events = events.Where(e => e.OccurredAt < until);
        }

        return events;
    }

    /// <summary>Rows read per query of an export.</summary>
    public const int ExportChunk = 1000;

    /// <summary>
    /// The events for an export, oldest first, each with its subject's current username (none once the account is
    /// deleted). Read a chunk at a time, each chunk starting after the last row of the one before (time, then id): one
    /// streamed query would be buffered whole by the retrying execution strategy, and would hold a connection and a
    /// snapshot for as long as the client takes to download.
    /// </summary>
    public async IAsyncEnumerable<AuditExportRow> AuditExport(AuditFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (DateTime At, Guid Id)? last = null;
        while (true)
        {
            var events = AuditEvents(filter);
            if (last is var (lastAt, lastId))
            {
                events = events.Where(e => e.OccurredAt > lastAt || (e.OccurredAt == lastAt && e.Id.CompareTo(lastId) > 0));
            }

            var chunk = await (
                from e in events
                join user in database.Users on e.SubjectUserId equals user.Id into subjects
                from subject in subjects.DefaultIfEmpty()
                orderby e.OccurredAt, e.Id
                select new AuditExportRow(e, subject == null ? null : subject.UserName))
                .Take(ExportChunk).ToListAsync(cancellationToken);
            foreach (var row in chunk)
            {
                yield return row;
            }

            if (chunk.Count < ExportChunk)
            {
                yield break;
            }

            last = (chunk[^1].Event.OccurredAt, chunk[^1].Event.Id);
        }
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

/// <summary>
/// Which audit events to show or export: of one type, about one user (by username), by one actor, from the start of
/// <see cref="From"/> to before <see cref="Until"/> (UTC). Empty parts filter nothing.
/// </summary>
public sealed record AuditFilter(string? Type = null, string? UserName = null, string? Actor = null, DateTime? From = null,
    DateTime? Until = null);
