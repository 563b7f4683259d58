namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// Debian's chromium, which the journeys drive; nothing here downloads a browser. Without it a developer's run skips
/// the journeys with the reason; a CI run (<c>CI</c> set) fails instead, so a missing browser cannot pass for green.
/// </summary>
public static class Chromium
{
    /// <summary><c>IDP_TEST_CHROMIUM</c> names another binary; the default is Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("IDP_TEST_CHROMIUM") is { Length: > 0 } path ? path
        : "/usr/bin/chromium";

    public static string? MissingReason =>
        File.Exists(ExecutablePath) ? null
            : $"Chromium is not installed at {ExecutablePath} (apt-get install chromium); the browser journeys need it.";

    public static void SkipOrFailWhenMissing()
    {
        if (MissingReason is not { } reason)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason + " CI is set, so this fails instead of skipping.");
        }

        Skip.If(true, reason);
    }

    /// <summary>
    /// Headless, as root (no sandbox), and quiet: the machine's network is closed, so background connections
    /// (component updates, sync, QUIC) would only fail and slow the start.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];
}
