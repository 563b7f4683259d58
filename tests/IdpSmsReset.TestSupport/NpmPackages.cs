using System.Diagnostics;

namespace IdpSmsReset.TestSupport;

/// <summary>
/// The npm packages a test folder pins with its lock file (the interop tests' client libraries), installed with
/// <c>npm ci</c> when missing (<c>.ci/run</c> does it first), once at a time.
/// </summary>
public static class NpmPackages
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task EnsureInstalledAsync(string folder)
    {
        await Installing.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                return;
            }

            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(process.ExitCode == 0, $"npm ci in {folder} failed:\n{await errors}\n{await output}");
        }
        finally
        {
            Installing.Release();
        }
    }
}
