using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The commands on the SMS fraud guard, whichever door they come through (the dashboard, the management API, the
/// bootstrap file): its settings, and the held messages released or discarded. Each audited.
/// </summary>
public sealed class SmsFraudGuardAdministration(
    IdpDbContext database, SmsFraudGuardDirectory directory, SmsOutbox outbox, AdminChangeLog log,
    TimeProvider time)
{
    public async Task<SmsFraudGuardDefinition> GetAsync(CancellationToken cancellationToken) =>
        SmsFraudGuardDefinition.Of(await directory.SettingsAsync(cancellationToken));

    /// <summary>Replaces the settings with <paramref name="definition"/> (a field left out takes its default).</summary>
    public async Task<CommandResult> SaveAsync(SmsFraudGuardDefinition definition, Administrator who, CancellationToken cancellationToken)
    {
        var problems = SmsFraudGuardRules.Validate(definition);
        if (problems.Count > 0)
        {
            return CommandResult.Refused(problems);
        }

        var stored = await database.Set<SmsFraudGuardSettings>().SingleOrDefaultAsync(cancellationToken);
        var before = SmsFraudGuardDefinition.Of(stored ?? new SmsFraudGuardSettings());
        var settings = stored ?? database.Add(new SmsFraudGuardSettings()).Entity;
        definition.ApplyTo(settings);
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var after = SmsFraudGuardDefinition.Of(settings);
        var done = CommandResult.Done(SmsFraudGuardSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (stored is not null && System.Text.Json.JsonSerializer.Serialize(before) == System.Text.Json.JsonSerializer.Serialize(after))
        {
            return done;
        }

        await database.InTransactionAsync(async () =>
        {
            await database.SaveChangesAsync(cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.SmsFraudGuardChanged, null, before, after, cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        return done;
    }

    /// <summary>Sends what <paramref name="scope"/>'s spent budget holds (every held message when null); answers how many.</summary>
    public async Task<int> ReleaseHeldAsync(string? scope, Administrator who, CancellationToken cancellationToken)
    {
        var released = await outbox.ReleaseHeldAsync(scope, cancellationToken);
        await log.WriteAsync(who, AdminEventTypes.HeldSmsReleased, null, null, new { scope = scope ?? "all", released },
            cancellationToken);
        return released;
    }

    /// <summary>Drops what <paramref name="scope"/>'s spent budget holds (every held message when null); answers how many.</summary>
    public async Task<int> DiscardHeldAsync(string? scope, Administrator who, CancellationToken cancellationToken)
    {
        var discarded = await outbox.DiscardHeldAsync(scope, cancellationToken);
        await log.WriteAsync(who, AdminEventTypes.HeldSmsDiscarded, null, null, new { scope = scope ?? "all", discarded },
            cancellationToken);
        return discarded;
    }
}
