using System.Diagnostics;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a script of an interop package (<c>Interop/&lt;package&gt;</c>, its libraries pinned by its lock file) under
/// node. The packages are installed with <c>npm ci</c> when missing (<c>.ci/run</c> does it first). Without node a
/// developer's run skips with the reason; a CI run fails instead, so a missing runtime cannot pass for green.
/// </summary>
public static class NodeScript
{
    public static string FolderOf(string package) =>
        Path.Combine(RepositoryRoot.Path, "tests", "IdpSmsReset.IntegrationTests", "Interop", package);

    /// <summary>The script's standard output; a non-zero exit fails the test with what it wrote.</summary>
    public static async Task<string> RunAsync(string package, string script, IDictionary<string, string> environment)
    {
        SkipOrFailWithoutNode();
        var folder = FolderOf(package);
        await NpmPackages.EnsureInstalledAsync(folder);
        var (exit, output, errors) = await RunProcessAsync("node", folder, environment, script);
        Assert.True(exit == 0, $"node {script} exited with {exit}:\n{errors}\n{output}");
        return output;
    }

    /// <summary>
    /// Runs a script that talks to the test (see the package's <c>talk.mjs</c>): each <c>BROWSE &lt;url&gt;</c> line is
    /// answered with where <paramref name="browse"/> ended (the application's callback), each <c>DEVICE &lt;url&gt;</c>
    /// is handed to <paramref name="device"/> while the script goes on polling, and the <c>RESULT &lt;json&gt;</c> line is
    /// returned. A script that exits without a result fails the test with what it wrote.
    /// </summary>
    public static async Task<string> ConverseAsync(string package, string script, IDictionary<string, string> environment,
        Func<string, Task<string>> browse, Func<string, Task>? device = null)
    {
        SkipOrFailWithoutNode();
        var folder = FolderOf(package);
        await NpmPackages.EnsureInstalledAsync(folder);
        using var process = Process.Start(StartInfo("node", folder, environment, [script], redirectInput: true))!;
        var errors = process.StandardError.ReadToEndAsync();
        var transcript = new System.Text.StringBuilder();
        var devices = new List<Task>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                transcript.AppendLine(line);
                if (line.StartsWith("BROWSE ", StringComparison.Ordinal))
                {
                    await process.StandardInput.WriteLineAsync(await browse(line["BROWSE ".Length..]));
                    await process.StandardInput.FlushAsync(timeout.Token);
                }
                else if (line.StartsWith("DEVICE ", StringComparison.Ordinal) && device is not null)
                {
                    devices.Add(device(line["DEVICE ".Length..]));
                }
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    await Task.WhenAll(devices);
                    return line["RESULT ".Length..];
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        throw new Xunit.Sdk.XunitException($"node {script} exited with {process.ExitCode} and no result:\n{await errors}\n{transcript}");
    }

    /// <summary>
    /// Starts a script that serves until it is stopped (an upstream identity provider), once it printed <c>READY</c>;
    /// disposing the process stops it. A script that exits first fails the test with what it wrote.
    /// </summary>
    public static async Task<Process> StartServerAsync(string package, string script, IDictionary<string, string> environment)
    {
        SkipOrFailWithoutNode();
        var folder = FolderOf(package);
        await NpmPackages.EnsureInstalledAsync(folder);
        var process = Process.Start(StartInfo("node", folder, environment, [script], redirectInput: false))!;
        // Generous: on two cores busy with the whole suite, a node start once took more than 30 seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        if (await process.StandardOutput.ReadLineAsync(timeout.Token) == "READY")
        {
            return process;
        }

        var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new Xunit.Sdk.XunitException($"node {script} did not start:\n{errors}");
    }

    private static void SkipOrFailWithoutNode()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => File.Exists(Path.Combine(directory, "node")));
        if (found)
        {
            return;
        }

        const string reason = "node is not installed; the interop tests run real client libraries under it.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason + " CI is set, so this fails instead of skipping.");
        }

        Skip.If(true, reason);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunProcessAsync(string fileName, string folder,
        IDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(fileName, folder, environment, arguments, redirectInput: false))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static ProcessStartInfo StartInfo(string fileName, string folder, IDictionary<string, string> environment,
        string[] arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput,
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

        return start;
    }
}
