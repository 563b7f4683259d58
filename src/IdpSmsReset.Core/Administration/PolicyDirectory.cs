using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>The dashboard's reads of policies: all of them by name, one, and how many users each governs.</summary>
public sealed class PolicyDirectory(IdpDbContext database)
{
    public async Task<IReadOnlyList<SecurityPolicy>> ListAsync(CancellationToken cancellationToken) =>
        await database.Set<SecurityPolicy>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<SecurityPolicy?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Every policy with the users it governs: its members, and for the default also everyone without a policy.</summary>
    public async Task<IReadOnlyList<(SecurityPolicy Policy, int Users)>> WithUsersAsync(CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken);
        var counts = await database.Users.GroupBy(user => user.SecurityPolicyId)
            .Select(group => new { group.Key, Count = group.Count() }).ToListAsync(cancellationToken);
        var withoutPolicy = counts.SingleOrDefault(c => c.Key == null)?.Count ?? 0;
        return all.Select(policy => (policy,
            (counts.SingleOrDefault(c => c.Key == policy.Id)?.Count ?? 0) + (policy.IsDefault ? withoutPolicy : 0)))
            .ToList();
    }

    /// <summary>Whether SMS can be sent at all: a validated Twilio account (what SMS reset and the SMS factor need).</summary>
    public async Task<bool> SmsFactorConfiguredAsync(CancellationToken cancellationToken) =>
        await database.SmsFactorSettingsAsync(cancellationToken) is { IsConfigured: true };
}
