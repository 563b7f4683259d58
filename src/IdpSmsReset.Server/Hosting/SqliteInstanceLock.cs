namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// SQLite and its job storage are for one instance: they share nothing with a second process but a file, and their
/// locks were not made for a cluster. The first hosted service to start, it takes an exclusive lock on a file beside
/// the database for as long as the instance runs; a second instance on the same file stops with one line.
/// </summary>
internal sealed class SqliteInstanceLock(IdpDatabase database) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.SqliteFile is not { } file)
        {
            return Task.CompletedTask;
        }

        try
        {
            _lock = new FileStream(file + ".instance-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                FileOptions.DeleteOnClose);
        }
        catch (IOException exception)
        {
            throw new DatabaseUnavailableException(
                $"Idp:Database:ConnectionString: another instance is already using the SQLite database {file}. SQLite and its job storage"
                + " are for one instance; run several on PostgreSQL or SQL Server (Idp:Database:Provider).", exception);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
