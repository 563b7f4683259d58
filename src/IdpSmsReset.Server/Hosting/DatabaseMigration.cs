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
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Database.MigrateAsync();
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
}
