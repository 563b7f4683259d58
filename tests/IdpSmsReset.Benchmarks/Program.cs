using System.Globalization;
using IdpSmsReset.Benchmarks;
using IdpSmsReset.Benchmarks.Scenarios;

// The hot paths of the identity provider under load, against the real server process (see README, Performance).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
var passwordCheck = PasswordHashCost.Measure();

using var twilio = new FakeTwilio();
var directory = Directory.CreateTempSubdirectory("idp-bench-").FullName;
var bootstrap = Path.Combine(directory, "bootstrap.json");
await File.WriteAllTextAsync(bootstrap, BenchmarkBootstrap.Json(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From));
var settings = new Dictionary<string, string>
{
    // Development for plain HTTP on loopback (TLS belongs to the reverse proxy in front); the keys are production-like.
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["Idp__Bootstrap__Path"] = bootstrap,
    // The harness signs its administrator in with a password only, to send SMS bursts from the dashboard.
    ["Idp__Admin__RequireMfa"] = "false",
    ["Idp__Sms__Twilio__ApiBaseUrl"] = twilio.Url,
    // Every simulated user comes from 127.0.0.1; the per-address limit would otherwise stop the reset scenario.
    ["Idp__PasswordReset__Limits__PerIpAddressPerHour"] = "10000",
    // The management API scenarios call far faster than a provisioning client would.
    ["Idp__Api__RequestsPerMinutePerClient"] = "100000",
};
foreach (var (key, value) in SigningKeys.WriteTo(directory))
{
    settings[key] = value;
}

if (options.Database == "postgresql")
{
    settings["Idp__Database__Provider"] = "PostgreSql";
    settings["Idp__Database__ConnectionString"] = $"{BenchmarkOptions.PostgreSqlServer};Database=idp_bench_{Guid.NewGuid():N}";
}
else
{
    settings["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "idp.db")}";
}

// The first start creates the database and applies the bootstrap (hashing every listed password); the start an
// operator waits for day to day is the next one, on the existing database: both are reported.
TimeSpan firstStart;
using (var first = await ServerUnderTest.StartAsync(directory, settings))
{
    firstStart = first.StartupToReady;
}

using var server = await ServerUnderTest.StartAsync(directory, settings);
var rssAfterStart = server.RssBytes;
using var http = WebSession.CreateSharedClient();
var context = new BenchmarkContext(server, twilio, http, options);

var rows = new List<Measurement>();
async Task RunAsync(string name, Func<Task<IReadOnlyList<Measurement>>> scenario)
{
    if (options.Runs(name))
    {
        Console.Error.WriteLine($"running {name} ...");
        rows.AddRange(await scenario());
    }
}

await RunAsync("cc", async () => [await TokenScenarios.ClientCredentialsAsync(context)]);
await RunAsync("code", async () => [await TokenScenarios.AuthorizationCodeFlowAsync(context)]);
await RunAsync("refresh", async () => [await TokenScenarios.RefreshAsync(context)]);
await RunAsync("userinfo", async () => [await TokenScenarios.UserInfoAsync(context)]);
await RunAsync("introspect", async () => [await TokenScenarios.IntrospectionAsync(context)]);
await RunAsync("reset", () => ResetScenarios.RequestCodeAsync(context));
await RunAsync("login-timing", () => LoginTimingScenarios.WrongPasswordAsync(context));
await RunAsync("dispatch", async () => [await DispatchScenario.BurstAsync(context)]);
await RunAsync("api-users", () => ManagementApiScenarios.RunAsync(context, settings));
await RunAsync("events", () => EventScenarios.RunAsync(context, settings, directory));
await RunAsync("fraud-guard", () => FraudGuardScenarios.RunAsync(context, settings, directory));
await RunAsync("import", () => ImportScenarios.RunAsync(context, settings, directory));

// The same client_credentials load on a server with OpenTelemetry off (Idp:Metrics:Telemetry=false), right after the
// one with it on, so the two CPU figures come from one run of this shared machine.
if (options.Runs("cc-telemetry-off"))
{
    Console.Error.WriteLine("running cc-telemetry-off ...");
    var quiet = new Dictionary<string, string>(settings) { ["Idp__Metrics__Telemetry"] = "false" };
    if (options.Database == "sqlite")
    {
        // SQLite is for one instance (a second process on the same file is refused): this one gets its own file.
        quiet["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "telemetry-off.db")}";
    }

    using var withoutTelemetry = await ServerUnderTest.StartAsync(directory, quiet);
    var measured = await TokenScenarios.ClientCredentialsAsync(new BenchmarkContext(withoutTelemetry, twilio, http, options));
    rows.Add(measured with { Scenario = "client_credentials token, telemetry off" });
}

Report.Print(options, server, firstStart, rssAfterStart, passwordCheck, rows);

if (options.Peer is not null)
{
    var (peer, missing) = await ServerUnderTest.StartPeerAsync();
    if (peer is null)
    {
        Console.WriteLine($"\nPeer comparison skipped: {missing}.");
    }
    else
    {
        using (peer)
        {
            await PeerComparison.RunAsync(context, peer);
        }
    }
}
var serverLog = Path.Combine(directory, "server.log");
await File.WriteAllTextAsync(serverLog, server.Output);
Console.Error.WriteLine($"The server's own output (warnings and errors): {serverLog}");
