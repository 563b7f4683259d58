using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Counts a request's database round trips while <see cref="Start"/>ed; used to hold the hot paths to a budget.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;
    private volatile bool _counting;
    private readonly List<string> _commands = [];

    public void Start()
    {
        lock (_commands)
        {
            _commands.Clear();
            _count = 0;
            _counting = true;
        }
    }

    public (int Count, IReadOnlyList<string> Commands) Stop()
    {
        lock (_commands)
        {
            _counting = false;
            return (_count, _commands.ToList());
        }
    }

    private void Record(DbCommand command)
    {
        // The instance's own once-a-second reads (the change counters, the token keys) run in the background whatever
        // the requests do: they are a cost per instance, not per request.
        if (!_counting || command.CommandText.Contains("ChangeStamps", StringComparison.Ordinal)
            || command.CommandText.Contains("TokenKeys", StringComparison.Ordinal))
        {
            return;
        }

        lock (_commands)
        {
            _count++;
            _commands.Add(command.CommandText);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
