using System.Threading.Channels;
using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// Replaces a hash this server would not make today (a foreign one, or Identity's V2) with its own, right after the
/// sign-in that proved the password, off the request: the user does not wait for a second, dearer hash. The password
/// stays in this process's memory only, never in a job or a table; an upgrade lost to a restart or a full queue is made
/// at the next sign-in, which finds the old hash still there. The write is guarded by the old hash, so a password changed
/// in between is never overwritten.
/// </summary>
public sealed class PasswordHashUpgrades(ILogger<PasswordHashUpgrades> logger)
{
    private const int Capacity = 1024;

    private readonly Channel<PendingUpgrade> _pending = Channel.CreateBounded<PendingUpgrade>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Offer(ApplicationUser user, string password)
    {
        if (user.PasswordHash is { } oldHash && !_pending.Writer.TryWrite(new PendingUpgrade(user.Id, oldHash, password)))
        {
            logger.PasswordHashUpgradeDeferred(user.Id);
        }
    }

    /// <summary>The upgrades offered, as they come, until <paramref name="stopping"/>.</summary>
    public IAsyncEnumerable<PendingUpgrade> PendingAsync(CancellationToken stopping) => _pending.Reader.ReadAllAsync(stopping);

    public async Task ApplyAsync(IdpDbContext database, IPasswordHasher<ApplicationUser> hasher, PendingUpgrade upgrade,
        CancellationToken cancellationToken)
    {
        try
        {
            var newHash = hasher.HashPassword(new ApplicationUser { Id = upgrade.UserId }, upgrade.Password);
            var replaced = await database.Users.Where(user => user.Id == upgrade.UserId && user.PasswordHash == upgrade.OldHash)
                .ExecuteUpdateAsync(set => set.SetProperty(user => user.PasswordHash, newHash), cancellationToken);
            logger.PasswordHashUpgraded(upgrade.UserId, replaced == 1);
        }
        catch (Exception exception) when (exception is DbUpdateException or System.Data.Common.DbException)
        {
            // The next sign-in finds the old hash and offers the upgrade again.
            logger.PasswordHashUpgradeFailed(upgrade.UserId, exception.GetType().Name);
        }
    }

    public sealed record PendingUpgrade(string UserId, string OldHash, string Password)
    {
        // A record prints its members: never the password.
        public override string ToString() => $"upgrade of {UserId}";
    }
}
