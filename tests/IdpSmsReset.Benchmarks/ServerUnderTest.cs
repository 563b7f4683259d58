
namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The server as an operator runs it (<see cref="ServerProcess"/>: its own process, Kestrel on a loopback port), and
/// what the kernel says it costs: CPU time (utime + stime) and resident memory (current, and the peak since the last reset).
/// </summary>
public sealed class ServerUnderTest : IDisposable
{
    private const long TicksPerSecond = 100; // USER_HZ on Linux
    private readonly ServerProcess _process;

    private ServerUnderTest(ServerProcess process, string url, TimeSpan startupToReady)
    {
        _process = process;
        Url = url;
        StartupToReady = startupToReady;
    }

    public string Url { get; }

    public TimeSpan StartupToReady { get; }

    public string Output => _process.Output;

    public static async Task<ServerUnderTest> StartAsync(string directory, IDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var environment = new Dictionary<string, string>(settings) { ["Idp__Issuer"] = url + "/" };
        var process = ServerProcess.Start(directory, environment, "--urls", url);
        try
        {
            return new ServerUnderTest(process, url, await process.WaitUntilReadyAsync(url, TimeSpan.FromSeconds(120)));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// node-oidc-provider from <c>peer/</c> (its packages installed there on first use), measured the same way. Null,
    /// with the reason, when node is not installed.
    /// </summary>
    public static async Task<(ServerUnderTest? Peer, string? Missing)> StartPeerAsync()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "peer");
        if (!await RunsAsync("node", directory, "--version"))
        {
            return (null, "node is not installed");
        }

        if (!Directory.Exists(Path.Combine(directory, "node_modules"))
            && !await RunsAsync("npm", directory, "install", "--no-audit", "--no-fund"))
        {
            return (null, "npm install failed in " + directory);
        }

        var port = ServerProcess.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var process = ServerProcess.StartProgram("node", directory, new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NODE_ENV"] = "production",
            ["CLIENT_ID"] = BenchmarkBootstrap.ServiceClientId, ["CLIENT_SECRET"] = BenchmarkBootstrap.ClientSecret,
            ["WEB_CLIENT_ID"] = BenchmarkBootstrap.WebClientId, ["REDIRECT_URI"] = BenchmarkBootstrap.RedirectUri,
            ["PASSWORD"] = BenchmarkBootstrap.Password,
            ["USERS"] = string.Join(',', Enumerable.Range(0, BenchmarkBootstrap.SignInUsers).Select(BenchmarkBootstrap.SignInUser)),
        }, "server.mjs");
        try
        {
            return (new ServerUnderTest(process, url, await process.WaitUntilReadyAsync(url, TimeSpan.FromSeconds(60),
                "/.well-known/openid-configuration")), null);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private static async Task<bool> RunsAsync(string fileName, string directory, params string[] arguments)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
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

    public void Dispose() => _process.Dispose();

    private long StatusKilobytes(string field) =>
        long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
