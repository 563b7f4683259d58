using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// Everything a journey runs against, started for real on loopback ports: WireMock as Twilio, the identity provider
/// as its own process (Kestrel, the embedded SQLite database, the journeys' bootstrap), the relying application, and
/// one chromium. One set per test class, so journeys that change settings do not meet.
/// </summary>
public class JourneyServers : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-journeys-").FullName;
    private ServerProcess? _server;
    private IPlaywright? _playwright;

    public FakeTwilio Twilio { get; } = new();

    public string IdpUrl { get; private set; } = "";

    public RelyingParty App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Whether the Twilio account is configured from the start (else an administrator configures it).</summary>
    protected virtual bool SmsFactorAtStart => true;

    /// <summary>The identity provider's host name: WebAuthn refuses an IP address as the relying party.</summary>
    protected virtual string IdpHost => "127.0.0.1";

    /// <summary>The outside identity providers of the bootstrap, started for the identity provider at <paramref name="idpUrl"/>.</summary>
    protected virtual Task<IReadOnlyList<Core.Federation.IdentityProviderDefinition>> IdentityProvidersAsync(string idpUrl) =>
        Task.FromResult<IReadOnlyList<Core.Federation.IdentityProviderDefinition>>([]);

    /// <summary>Stops what <see cref="IdentityProvidersAsync"/> started.</summary>
    protected virtual ValueTask StopMoreAsync() => ValueTask.CompletedTask;

    /// <summary>Settings a set of journeys needs beyond the common ones.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        if (Chromium.MissingReason is not null)
        {
            return;
        }

        // A port found free can be taken (by any connection's ephemeral port) before the server binds it: then again.
        for (var attempt = 1; !await StartServerAsync() && attempt < 3; attempt++)
        {
            _server?.Dispose();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>The server and the relying application on fresh ports; false when the server lost its port to another.</summary>
    private async Task<bool> StartServerAsync()
    {
        var idpPort = ServerProcess.FreePort();
        var appPort = ServerProcess.FreePort();
        IdpUrl = $"http://{IdpHost}:{idpPort}";
        var bootstrap = Path.Combine(_directory, "bootstrap.json");
        await File.WriteAllTextAsync(bootstrap, JourneyBootstrap.Json($"http://127.0.0.1:{appPort}", SmsFactorAtStart,
            await IdentityProvidersAsync(IdpUrl)));

        var settings = new Dictionary<string, string>(MoreSettings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
            ["Idp__Issuer"] = IdpUrl + "/",
            ["Idp__Bootstrap__Path"] = bootstrap,
            ["Idp__Sms__Twilio__ApiBaseUrl"] = Twilio.Url,
            // The administrator journeys configure Twilio from scratch, before any second factor could be shown.
            ["Idp__Admin__RequireMfa"] = "false",
        };
        _server = ServerProcess.Start(_directory, settings, "--urls", IdpUrl);
        try
        {
            await _server.WaitUntilReadyAsync(IdpUrl, StartTimeout);
        }
        catch (TimeoutException) when (_server.LostItsPort)
        {
            return false;
        }

        App = await RelyingParty.StartAsync(appPort, IdpUrl + "/");
        return true;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        _server?.Dispose();
        await StopMoreAsync();
        Twilio.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold the database for a moment; the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>The same with device codes that expire in 30 seconds, so a journey can see one expire.</summary>
public sealed class DeviceJourneyServers : JourneyServers
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(30);

    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Idp__DeviceFlow__CodeLifetime"] = CodeLifetime.ToString(),
    };
}

/// <summary>The same with the identity provider at <c>localhost</c>, a name a passkey can be made for.</summary>
public sealed class PasskeyJourneyServers : JourneyServers
{
    protected override string IdpHost => "localhost";
}

/// <summary>The same, before any Twilio account was entered: the administrator's journey configures it.</summary>
public sealed class JourneyServersWithoutSmsFactor : JourneyServers
{
    protected override bool SmsFactorAtStart => false;
}

/// <summary>The same with proof of work before every password reset request, as while a country is suspected of pumping.</summary>
public sealed class FraudGuardJourneyServers : JourneyServers
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Idp__Sms__FraudGuard__ProofOfWork"] = "always",
    };
}
