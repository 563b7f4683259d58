using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's charts, from what the database already holds (they need no Prometheus): sign-ins from the sessions,
/// failed sign-ins from their hourly tallies, the reset funnel from the audit log, SMS outcomes (failures by error class)
/// and delivery latency from the outbox. Only timestamps are read,
/// then counted per bucket here, the same way on every provider.
/// </summary>
public sealed class AdminActivity(IdpDbContext database, TimeProvider time)
{
    public Task<ActivitySeries> LastDayAsync(CancellationToken cancellationToken) => ReadAsync(TimeSpan.FromHours(1), 24,
        cancellationToken);

    public Task<ActivitySeries> LastWeekAsync(CancellationToken cancellationToken) => ReadAsync(TimeSpan.FromDays(1), 7, cancellationToken);

    private async Task<ActivitySeries> ReadAsync(TimeSpan bucket, int buckets, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var end = new DateTime(now.Ticks - now.Ticks % bucket.Ticks, DateTimeKind.Utc) + bucket;
        var start = end - bucket * buckets;
        var signIns = await database.Set<UserSession>().Where(s => s.CreatedAt >= start).Select(s
            => s.CreatedAt).ToListAsync(cancellationToken);
        string[] funnel = [AuditEventTypes.PasswordResetRequested, AuditEventTypes.PasswordResetCodeSent,
            AuditEventTypes.PasswordResetCompleted];
        var resets = await database.Set<AuditEvent>().Where(e => e.OccurredAt >= start && funnel.Contains(e.Type))
            .Select(e => new { e.Type, e.OccurredAt }).ToListAsync(cancellationToken);
        var sms = await database.Set<OutboundSms>().Where(m => m.CreatedAt >= start)
            .Select(m => new { m.Status, m.CreatedAt, m.SentAt, m.ErrorClass }).ToListAsync(cancellationToken);
        var failedSignIns = await database.Set<SignInFailureTally>().Where(t => t.HourStart >= start)
            .Select(t => new { t.HourStart, t.Failures }).ToListAsync(cancellationToken);

        int BucketOf(DateTime at) => (int)((at - start).Ticks / bucket.Ticks);
        int[] Count(IEnumerable<DateTime> times)
        {
            var counts = new int[buckets];
            foreach (var at in times.Where(at => at >= start && at < end))
            {
                counts[BucketOf(at)]++;
            }

            return counts;
        }

        int[] Sum(IEnumerable<(DateTime At, int Count)> tallies)
        {
            var sums = new int[buckets];
            foreach (var (at, count) in tallies.Where(tally => tally.At >= start && tally.At < end))
            {
                sums[BucketOf(at)] += count;
            }

            return sums;
        }

        var sent = sms.Where(m
            => m.Status is OutboundSmsStatus.Sent or OutboundSmsStatus.Delivered or OutboundSmsStatus.Undelivered).ToList();
        var latency = Enumerable.Range(0, buckets).Select(index =>
        {
            var seconds = sent.Where(m => m.SentAt is not null && BucketOf(m.CreatedAt) == index)
                .Select(m => (m.SentAt!.Value - m.CreatedAt).TotalSeconds).Order().ToList();
            return seconds.Count == 0 ? (double?)null : seconds[seconds.Count / 2];
        }).ToList();
        var failedSms = sms.Where(m => m.Status is OutboundSmsStatus.Failed or OutboundSmsStatus.Expired or OutboundSmsStatus.Undelivered)
            .GroupBy(m => m.ErrorClass ?? "unknown")
            .Select(group => (group.Key, Counts: (IReadOnlyList<int>)Count(group.Select(m => m.CreatedAt))))
            .OrderByDescending(series => series.Counts.Sum()).ThenBy(series => series.Key, StringComparer.Ordinal).ToList();
        return new ActivitySeries(
            [.. Enumerable.Range(0, buckets).Select(index => start + bucket * index)],
            Count(signIns),
            Sum(failedSignIns.Select(t => (t.HourStart, t.Failures))),
            Count(resets.Where(e => e.Type == AuditEventTypes.PasswordResetRequested).Select(e => e.OccurredAt)),
            Count(resets.Where(e => e.Type == AuditEventTypes.PasswordResetCodeSent).Select(e => e.OccurredAt)),
            Count(resets.Where(e => e.Type == AuditEventTypes.PasswordResetCompleted).Select(e => e.OccurredAt)),
            Count(sent.Where(m => m.Status != OutboundSmsStatus.Undelivered).Select(m => m.CreatedAt)),
            failedSms,
            latency);
    }
}

/// <summary>
/// What happened in each bucket of a window (hours of the last day, or days of the last week): the series the
/// dashboard's charts draw. <see cref="Starts"/> are the buckets' UTC starts; every other list has one value per bucket.
/// SMS failures come per error class (<c>Messaging.SmsErrorClasses</c>; <c>unknown</c> for one recorded before classes
/// were), the most frequent first.
/// </summary>
public sealed record ActivitySeries(
    IReadOnlyList<DateTime> Starts,
    IReadOnlyList<int> SignIns,
    IReadOnlyList<int> SignInFailures,
    IReadOnlyList<int> ResetsRequested,
    IReadOnlyList<int> ResetCodesSent,
    IReadOnlyList<int> ResetsCompleted,
    IReadOnlyList<int> SmsSent,
    IReadOnlyList<(string ErrorClass, IReadOnlyList<int> Counts)> SmsFailedByClass,
    IReadOnlyList<double?> SmsLatencySeconds);
