using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MicrosoftLevel = Microsoft.Extensions.Logging.LogLevel;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Hangfire logs through one process-wide provider. Hangfire's own ASP.NET Core provider fails once the host that
/// installed it is disposed, which kills the job processing of any other host in the process (the test suite runs
/// several); this one writes to the host's logging while it lives and drops a line after that.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(loggers, name);

    private sealed class ForwardingLog(ILoggerFactory loggers, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _logger ??= loggers.CreateLogger(name);
                var level = Map(logLevel);
                if (messageFunc is null)
                {
                    return _logger.IsEnabled(level);
                }

                _logger.Log(level, 0, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        private static MicrosoftLevel Map(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => MicrosoftLevel.Trace,
            HangfireLevel.Debug => MicrosoftLevel.Debug,
            HangfireLevel.Info => MicrosoftLevel.Information,
            HangfireLevel.Warn => MicrosoftLevel.Warning,
            HangfireLevel.Error => MicrosoftLevel.Error,
            _ => MicrosoftLevel.Critical,
        };
    }
}
