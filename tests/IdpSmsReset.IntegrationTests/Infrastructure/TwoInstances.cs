using System.Net;
using IdpSmsReset.Core.Bootstrap;
using Npgsql;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Two server processes, A and B, on loopback ports against one fresh PostgreSQL database, with WireMock as Twilio:
/// what several instances behind a load balancer are. Both answer as the same issuer (A's address, as a load
/// balancer's would be); a person's browser is one cookie jar used against either.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-cluster-").FullName;
    private readonly string _database = "idp_cluster_" + Guid.NewGuid().ToString("n");

    public FakeTwilio Twilio { get; } = new();

    public ServerProcess A { get; private set; } = null!;

    public ServerProcess B { get; private set; } = null!;

    public string UrlA { get; private set; } = "";

    public string UrlB { get; private set; } = "";

    public bool Available { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            PostgreSqlTestServer.RequireAvailable();
        }
        catch (SkipException)
        {
            return;
        }

        UrlA = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        UrlB = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var bootstrap = Path.Combine(_directory, "bootstrap.json");
        await File.WriteAllTextAsync(bootstrap, TestBootstrap.JsonWith(BootstrapFile.SmsFactor()));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Idp__Database__Provider"] = "PostgreSql",
            ["Idp__Database__ConnectionString"] = PostgreSqlTestServer.ConnectionString(_database),
            ["Idp__Issuer"] = UrlA + "/",
            ["Idp__Bootstrap__Path"] = bootstrap,
            ["Idp__Admin__RequireMfa"] = "false",
            ["Idp__Sms__Twilio__ApiBaseUrl"] = Twilio.Url,
            ["Idp__PasswordReset__Limits__PerIpAddressPerHour"] = "3",
            // A message of a killed instance is sent by the other after this (and the sweeper's next minute).
            ["Idp__Sms__RecoverAfter"] = "00:00:10",
            ["Idp__Sms__Twilio__Timeout"] = "00:00:05",
            // As behind the load balancer: the client's address comes from X-Forwarded-For, each browser its own.
            ["Idp__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        };

        // One after the other: the first applies the migrations and the bootstrap.
        A = ServerProcess.Start(_directory, settings, "--urls", UrlA);
        await A.WaitUntilReadyAsync(UrlA, StartTimeout);
        B = ServerProcess.Start(_directory, settings, "--urls", UrlB);
        await B.WaitUntilReadyAsync(UrlB, StartTimeout);
        Available = true;
    }

    /// <summary>A browser on A and the same browser (its cookies, its address) on B; a new address unless one is given.</summary>
    public (TestBrowser OnA, TestBrowser OnB) Browser(string? clientAddress = null)
    {
        var cookies = new CookieContainer();
        var address = clientAddress ?? $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        TestBrowser On(string url)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(url),
            };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return new TestBrowser(client, cookies);
        }

        return (On(UrlA), On(UrlB));
    }

    /// <summary>The page as if B had served it: its form is then posted to B.</summary>
    public BrowserPage OnB(BrowserPage page) => page with { Uri = new Uri(new Uri(UrlB), page.Uri.PathAndQuery) };

    public Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        Twilio.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (Available)
        {
            PostgreSqlTestServer.DropDatabase(_database);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the system later.
        }

        return Task.CompletedTask;
    }
}
