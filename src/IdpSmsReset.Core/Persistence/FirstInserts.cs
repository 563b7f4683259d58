using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// "The first one wins", decided by the database: a row is inserted under its unique key, and of several inserts of
/// the same key, on any instance, one succeeds and the others learn they came second.
/// </summary>
public static class FirstInserts
{
    /// <summary>True when <paramref name="row"/> was inserted; false when a row with its key was there already.</summary>
    public static async Task<bool> TryInsertAsync<T>(this IdpDbContext database, T row, CancellationToken cancellationToken)
        where T : class
    {
        database.Add(row);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            database.Entry(row).State = EntityState.Detached;
            return false;
        }
    }
}
