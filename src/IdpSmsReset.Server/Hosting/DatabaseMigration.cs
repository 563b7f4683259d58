using System.Data.Common;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Brings the schema up to date, once per process, before anything uses the database: the job storage is built
/// while the host is still being assembled and needs the database to exist (a fresh SQL Server or PostgreSQL
/// server has none until the first migration creates it).
/// </summary>
internal sealed class DatabaseMigration(IServiceProvider services, IdpDatabase database)
{
    private readonly Lazy<Task> _migrated = new(() => MigrateAsync(services, database));

    public Task EnsureMigratedAsync() => _migrated.Value;

    private static async Task MigrateAsync(IServiceProvider services, IdpDatabase database)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var context = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            await RefuseUnknownHistoryAsync(context, database);
            await context.Database.MigrateAsync();
        }
        catch (Exception exception) when (exception is DbException || exception.InnerException is DbException)
        {
            // The retrying strategies wrap the provider's exception; its own message says what went wrong.
            var cause = exception as DbException ?? (DbException)exception.InnerException!;
            throw new DatabaseUnavailableException(
                $"Idp:Database:ConnectionString: the {database.Provider} database (Idp:Database:Provider) cannot be used: {cause.Message}",
                exception);
        }
    }

    /// <summary>
    /// A database whose history holds migrations this build does not know was made by another build: one from before
    /// v0.1.0 squashed its migrations into one, and a newer release's schema must not be run by older code. Migrating
    /// it would fail halfway ("table already exists"); this says what it is instead.
    /// </summary>
    private static async Task RefuseUnknownHistoryAsync(IdpDbContext context, IdpDatabase database)
    {
        if (!await context.Database.CanConnectAsync())
        {
            return;
        }

        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await context.Database.GetAppliedMigrationsAsync()).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseUnavailableException(
                $"Idp:Database:ConnectionString: the {database.Provider} database was made by another build of IdpSmsReset (its history "
                + $"has {unknown.Count} migration(s) this one does not know, such as {unknown[0]}): a development build from before "
                + "v0.1.0, whose database cannot be upgraded (delete it; with SQLite the file "
                + $"{database.SqliteFile ?? "named by the setting"}), or a newer release (run that release).");
        }
    }
}
