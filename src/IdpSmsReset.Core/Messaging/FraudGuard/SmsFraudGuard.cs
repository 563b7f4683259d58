using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// Decides, for each message the outbox writes, whether it may go: its number's type first, then the budgets (the
/// country's and the total a day, the number prefix's an hour), counted under one <see cref="LimitGates"/> gate so
/// that instances racing at a budget admit exactly up to it. A message over a budget is written <c>held</c>, not
/// lost; the first one an hour per budget raises an alert (audit <c>sms.fraud-suspected</c>, so a webhook event too).
/// Each admitted message also checks its country for a surge against the trailing week.
/// </summary>
public sealed class SmsFraudGuard(
    IdpDbContext database, LimitGates gates, SmsFraudGuardDirectory directory, AuditLog audit, IdpMetrics metrics,
    TimeProvider time, ILogger<SmsFraudGuard> logger)
{
    /// <summary>The one gate every admission takes: the total budget spans every country.</summary>
    public const string GateKey = "sms-fraud-guard";

    /// <summary>Writes <paramref name="message"/> as queued, held or refused, and answers which.</summary>
    public async Task<SmsEnqueueResult> AdmitAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        var settings = await directory.SettingsAsync(cancellationToken);
        if (SmsNumberCheck.Refusal(message.Destination, settings.AllowVoip) is { } kind)
        {
            return await RefuseAsync(message, kind, cancellationToken);
        }

        if (!settings.Enabled)
        {
            database.Add(message);
            await database.SaveChangesAsync(cancellationToken);
            return SmsEnqueueResult.Queued(message.Id);
        }

        return await gates.DecideAsync(GateKey, () => DecideAsync(message, settings, cancellationToken), _ => true, cancellationToken);
    }

    private async Task<SmsEnqueueResult> RefuseAsync(OutboundSms message, string kind, CancellationToken cancellationToken)
    {
        message.Status = OutboundSmsStatus.Refused;
        message.ErrorClass = SmsErrorClasses.NumberType;
        message.LastError = $"Not sent: {kind}.";
        database.Add(message);
        await database.SaveChangesAsync(cancellationToken);
        logger.SmsNumberRefused(message.Id, message.Country, kind);
        metrics.Sms(message.Purpose, "refused", SmsErrorClasses.NumberType);
        return SmsEnqueueResult.Refused(Problems.PhoneProblems.NumberTypeRefused(kind));
    }

    private async Task<SmsEnqueueResult> DecideAsync(OutboundSms message, SmsFraudGuardSettings settings,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hour = SmsVolumes.HourOf(now);
        var scopes = new MessageScopes(SmsScopes.Country(message.Country),
            SmsScopes.Prefix(SmsNumberCheck.PrefixOf(message.Destination, settings.PrefixDigits)));
        var volumes = await SmsVolumes.ReadAsync(database, scopes.Country, scopes.Prefix, hour, cancellationToken);

        var reset = message.Purpose == SmsPurposes.PasswordReset;
        var spent = SpentBudget(settings, message.Country, scopes, volumes, reset);
        database.Add(message);
        if (spent is { } budget)
        {
            message.Status = OutboundSmsStatus.Held;
            message.HoldScope = budget.Scope;
            message.ErrorClass = SmsErrorClasses.Held;
            message.LastError = $"Held by the fraud guard: {budget.Describe()} is spent.";
            await AlertAsync(SmsFraudAlert.BudgetSpent, budget.Scope, hour, now, hour.AddHours(budget.Hours),
                $"SMS budget spent: {budget.Describe()}; further messages are held until an administrator releases or discards them.",
                cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
            logger.SmsHeld(message.Id, message.Purpose, budget.Scope);
            metrics.SmsHeld(message.Purpose, budget.Kind);
            return SmsEnqueueResult.HeldBack(message.Id);
        }

        await SmsVolumes.CountAsync(database, [SmsScopes.Total, scopes.Country, scopes.Prefix], hour, volumes, cancellationToken);
        await CheckSurgeAsync(message.Country, scopes.Country, volumes, settings, now, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
        return SmsEnqueueResult.Queued(message.Id);
    }

    /// <summary>
    /// The first budget this message would overrun: reset codes stop <see cref="SmsFraudGuardSettings.ReservePercent"/> short.
    /// </summary>
    private static SpentBudgetOf? SpentBudget(SmsFraudGuardSettings settings, string country, MessageScopes scopes,
        SmsVolumes.Counts volumes, bool reset)
    {
        SpentBudgetOf[] budgets =
        [
            new(scopes.Prefix, "prefix", settings.HourlyPerPrefix, 1, volumes.PrefixThisHour),
            new(scopes.Country, "country", settings.DailyBudgetOf(country), 24, volumes.CountryToday),
            new(SmsScopes.Total, "total", settings.DailyTotal, 24, volumes.TotalToday),
        ];
        return budgets.FirstOrDefault(budget =>
            budget.Used >= (reset ? budget.Limit - budget.Limit * SmsFraudGuardSettings.ReservePercent / 100 : budget.Limit));
    }

    private async Task CheckSurgeAsync(string country, string scope, SmsVolumes.Counts volumes, SmsFraudGuardSettings settings,
        DateTime now, CancellationToken cancellationToken)
    {
        var hour = SmsVolumes.HourOf(now);
        var lastHour = SmsSurge.LastHour(volumes.CountryThisHour + 1, volumes.CountryHourBefore, now);
        if (lastHour < SmsFraudGuardSettings.SurgeMinimum)
        {
            return;
        }

        var week = await SmsVolumes.WeekBeforeAsync(database, scope, hour, cancellationToken);
        if (week is null || !SmsSurge.IsSurge(lastHour, SmsSurge.Baseline(week, now), settings.SurgeFactor))
        {
            return;
        }

        if (await AlertAsync(SmsFraudAlert.Surge, scope, hour, now, now.AddHours(1),
                $"SMS surge to {country}: {lastHour:0} messages in the last hour, more than {settings.SurgeFactor:0.#} times the "
                + "same hour's median over the week before; reset codes need proof of work.", cancellationToken))
        {
            logger.SmsSurge(country, lastHour);
        }
    }

    /// <summary>One alert per kind, scope and hour: the gate makes the check and the insert one step across instances.</summary>
    private async Task<bool> AlertAsync(string kind, string scope, DateTime hour, DateTime now, DateTime until, string details,
        CancellationToken cancellationToken)
    {
        if (await database.Set<SmsFraudAlert>().AnyAsync(alert => alert.Kind == kind && alert.Scope == scope && alert.HourStart == hour,
                cancellationToken))
        {
            return false;
        }

        database.Add(new SmsFraudAlert
        {
            Id = Guid.NewGuid(), Kind = kind, Scope = scope, HourStart = hour, RaisedAt = now, Until = until, Details = details,
        });
        audit.Raise(AuditEventTypes.SmsFraudSuspected, AuditActors.System, null, null, details);
        metrics.SmsFraudAlert(kind);
        logger.SmsFraudAlert(kind, scope);
        return true;
    }

    private sealed record MessageScopes(string Country, string Prefix);

    private sealed record SpentBudgetOf(string Scope, string Kind, int Limit, int Hours, int Used)
    {
        public string Describe() => Kind == "prefix"
            ? $"the budget of {Limit} messages an hour to {SmsScopes.Describe(Scope)}"
            : $"the budget of {Limit} messages a day to {SmsScopes.Describe(Scope)}";
    }
}
