using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// Notes that a self-registered application got a token, so the prune leaves it. On the token endpoint's path, so: a
/// client id without the registration prefix costs nothing, and a registered one one conditional update that changes
/// a row at most once an hour.
/// </summary>
public sealed class RegisteredClientUse(IdpDbContext database, TimeProvider time)
{
    /// <summary>Every registered client id starts so.</summary>
    public const string ClientIdPrefix = "dcr_";

    private static readonly TimeSpan Resolution = TimeSpan.FromHours(1);

    public static bool IsRegistered(string? clientId) => clientId?.StartsWith(ClientIdPrefix, StringComparison.Ordinal) == true;

    public async Task NoteAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - Resolution;
        await database.Set<DynamicRegistration>()
            .Where(row => row.ClientId == clientId && (row.LastUsedAt == null || row.LastUsedAt < stale))
            .ExecuteUpdateAsync(set => set.SetProperty(row => row.LastUsedAt, now), cancellationToken);
    }
}
