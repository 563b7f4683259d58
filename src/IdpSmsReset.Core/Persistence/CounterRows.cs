using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// A row that counts (or marks) something and is created by its first use: the update is tried first, and the insert
/// only when no row was there. Two first uses at once, on any instance, both count: the insert that loses the race to
/// the key's unique constraint updates the row the other one created.
/// </summary>
public static class CounterRows
{
    /// <param name="update">Updates the existing row (an <c>ExecuteUpdate</c>); answers how many rows it changed.</param>
    /// <param name="first">The row to create when there is none, already holding the first count.</param>
    public static async Task UpdateOrCreateAsync<T>(this IdpDbContext database, Func<Task<int>> update, T first,
        CancellationToken cancellationToken) where T : class
    {
        if (await update() == 1)
        {
            return;
        }

        database.Add(first);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            database.Entry(first).State = EntityState.Detached;
            await update();
        }
    }
}
