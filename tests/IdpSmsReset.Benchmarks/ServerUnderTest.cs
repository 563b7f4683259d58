using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The server as an operator runs it (its own process, Kestrel on a loopback port), and what the kernel says it
/// costs: CPU time (utime + stime) and resident memory (current, and the peak since the last reset).
/// </summary>
public sealed class ServerUnderTest : IDisposable
{
    private static readonly long TicksPerSecond = 100; // USER_HZ on Linux
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServerUnderTest(Process process, string url, string directory)
    {
        _process = process;
        Url = url;
        Directory = directory;
    }

    public string Url { get; }

    public string Directory { get; }

    public TimeSpan StartupToReady { get; private set; }

    public static async Task<ServerUnderTest> StartAsync(string directory, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IdpSmsReset.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["Idp__Issuer"] = url + "/";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var server = new ServerUnderTest(Process.Start(start)!, url, directory);
        server._process.OutputDataReceived += (_, line) => server.Append(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode)
                {
                    server.StartupToReady = clock.Elapsed;
                    return server;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                if (server._process.HasExited)
                {
                    break;
                }
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException("The server did not become ready:\n" + server.Output);
    }

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

    /// <summary>User plus system CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // /proc/<pid>/stat: the command may contain spaces, so count fields after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return TimeSpan.FromSeconds((double)ticks / TicksPerSecond);
        }
    }

    public long RssBytes => StatusKilobytes("VmRSS") * 1024;

    public long PeakRssBytes => StatusKilobytes("VmHWM") * 1024;

    /// <summary>Starts a new peak: the kernel's high-water mark is set back to the current resident size.</summary>
    public void ResetPeakRss() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private long StatusKilobytes(string field) =>
        long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
