using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IdpSmsReset.TestSupport;

/// <summary>The server as a real process, started the way an operator starts it, for what only a process shows.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _errors = new();

    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private ServerProcess(Process process) => _process = process;

    /// <summary>The operating system's process id (for what <c>/proc</c> says of it).</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What it wrote to standard error alone (also in <see cref="Output"/>).</summary>
    public string Errors
    {
        get
        {
            lock (_output)
            {
                return _errors.ToString();
            }
        }
    }

    public static ServerProcess Start(string workingDirectory, IDictionary<string, string> environment, params string[] arguments) =>
        StartProgram("dotnet", workingDirectory, new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment.TryGetValue("ASPNETCORE_ENVIRONMENT", out var name) ? name : "Production",
            ["Logging__LogLevel__Default"] = environment.TryGetValue("Logging__LogLevel__Default", out var level) ? level : "Warning",
        }, [Path.Combine(AppContext.BaseDirectory, "IdpSmsReset.Server.dll"), .. arguments]);

    /// <summary>Any server program (the benchmark's peer runs under node), its output kept like the server's.</summary>
    public static ServerProcess StartProgram(string fileName, string workingDirectory, IDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!);
        server._process.OutputDataReceived += (_, line) => server.Append(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Append(line.Data, toErrors: true);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="readyPath"/> until it answers 200; returns the time from the start to ready.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(string baseUrl, TimeSpan timeout, string readyPath = "/health/ready")
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        while (Stopwatch.GetElapsedTime(_startedAt) < timeout && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(readyPath)).IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(_startedAt);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Ends the process at once, as SIGKILL does: nothing of it runs after, no shutdown, no finally.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The process ended because its port was taken between <see cref="FreePort"/> and its start.</summary>
    public bool LostItsPort => _process.HasExited && Output.Contains("address already in use", StringComparison.Ordinal);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line, bool toErrors = false)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                if (toErrors)
                {
                    _errors.AppendLine(line);
                }
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
