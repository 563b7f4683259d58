using System.Diagnostics;
using System.Text.Json;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.TestSupport;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// The journeys' servers plus the company's own identity provider, "Corp": node-oidc-provider (the integration tests'
/// <c>Interop/corp-upstream</c>) on a loopback port, set up in the bootstrap as the provider <c>corp</c>.
/// </summary>
public sealed class FederationJourneyServers : JourneyServers
{
    public const string Provider = "corp";
    private const string ClientId = "idp-sms-reset";
    private const string ClientSecret = "corp-journey-secret-0123456789";

    private Process? _upstream;

    /// <summary>Corp's account for Ann, whom the first sign-in through Corp creates here.</summary>
    public const string AnnAtCorp = "ann-1";

    protected override async Task<IReadOnlyList<IdentityProviderDefinition>> IdentityProvidersAsync(string idpUrl)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "IdpSmsReset.IntegrationTests", "Interop", "corp-upstream");
        await NpmPackages.EnsureInstalledAsync(folder);
        // Started again when the server had to start again on another port: the upstream knows its redirect URI.
        await StopMoreAsync();
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo("node", ["server.mjs"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CLIENT_ID"] = ClientId;
        start.Environment["CLIENT_SECRET"] = ClientSecret;
        start.Environment["REDIRECT_URI"] = idpUrl + IdentityProviderVocabulary.CallbackPath(Provider);
        start.Environment["ACCOUNTS"] = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [AnnAtCorp] = new { preferred_username = "ann", email = "ann@corp.example", email_verified = true, name = "Ann Corp" },
        });
        _upstream = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        if (await _upstream.StandardOutput.ReadLineAsync(timeout.Token) != "READY")
        {
            throw new InvalidOperationException("Corp did not start: " + await _upstream.StandardError.ReadToEndAsync(timeout.Token));
        }

        return
        [
            new IdentityProviderDefinition
            {
                Name = Provider, Type = IdentityProviderVocabulary.OpenIdConnect, DisplayName = "Corp",
                Issuer = $"http://127.0.0.1:{port}", ClientId = ClientId, ClientSecret = ClientSecret,
                Provisioning = IdentityProviderVocabulary.Automatic,
            },
        ];
    }

    protected override async ValueTask StopMoreAsync()
    {
        if (_upstream is { HasExited: false })
        {
            _upstream.Kill(entireProcessTree: true);
            await _upstream.WaitForExitAsync();
        }

        _upstream?.Dispose();
        _upstream = null;
    }
}
