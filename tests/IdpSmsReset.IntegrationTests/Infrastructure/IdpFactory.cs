using System.Net;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// The server in memory, on a database of its own, bootstrapped with <see cref="TestBootstrap"/>. One subclass per
/// database provider; the tests are written once against this class and run on each.
/// </summary>
public abstract class IdpFactory : WebApplicationFactory<Program>
{
    public const string Origin = "http://localhost";

    protected IdpFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
        BootstrapPath = Path.Combine(DataDirectory, "bootstrap.json");
        if (!File.Exists(BootstrapPath))
        {
            File.WriteAllText(BootstrapPath, TestBootstrap.Json);
        }
    }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Holds the bootstrap file (and, for SQLite, the database files).</summary>
    public string DataDirectory { get; }

    public string BootstrapPath { get; }

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The server's clock: the real one, moved forward when a test says so.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The header that sets a request's client address (TestServer has none), for the per-address limits.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Leave the database behind on dispose, for a test that restarts the server on it.</summary>
    public bool KeepData { get; set; }

    /// <summary>Counts the SQL commands the server sends, for the round-trip budget tests.</summary>
    public CommandCounter Commands { get; } = new();

    /// <summary>What the server logs, at the levels <see cref="Settings"/> let through (warnings, unless a test says otherwise).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Every span the server finished (the exporter adds to it as the server works: copy it to read it).</summary>
    public List<System.Diagnostics.Activity> Spans { get; } = [];

    protected abstract string ConnectionString { get; }

    /// <summary>A new server on this one's database and bootstrap file, as after a restart.</summary>
    public abstract IdpFactory Restart();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Idp:Database:Provider", Provider.ToString());
        builder.UseSetting("Idp:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Idp:Issuer", Origin);
        builder.UseSetting("Idp:Bootstrap:Path", BootstrapPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The Development sandbox would otherwise become every test server's SMS factor; its own tests start a real process.
        builder.UseSetting("Idp:Sms:Sandbox:Enabled", "false");
        // Most tests use the dashboard as an administrator who signed in with a password only; AdminMfaTests turn it on.
        builder.UseSetting("Idp:Admin:RequireMfa", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<IdpDbContext>(options => options.AddInterceptors(Commands));
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        });
    }

    /// <summary>A browser-like client: keeps cookies (in <paramref name="cookies"/> when given), does not follow redirects by
    /// itself.</summary>
    public TestBrowser CreateBrowser(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        return new TestBrowser(CreateDefaultClient(new Uri(Origin), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A browser whose requests come from <paramref name="clientAddress"/> (see <see cref="ClientAddressHeader"/>).</summary>
    public TestBrowser CreateBrowserFrom(string clientAddress)
    {
        var browser = CreateBrowser();
        browser.Client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return browser;
    }

    /// <summary>A browser that has already signed in as <paramref name="userName"/> on the login page.</summary>
    public async Task<TestBrowser> CreateSignedInBrowserAsync(string userName, string? clientAddress = null)
    {
        var browser = clientAddress is null ? CreateBrowser() : CreateBrowserFrom(clientAddress);
        var form = await browser.OpenAsync("/account/login");
        var home = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestBootstrap.Password,
        });
        Assert.Equal("/", home.Path);
        return browser;
    }

    /// <summary>Changes a user as an administrator would, behind the user's back.</summary>
    public async Task ChangeUserAsync(string userName, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await change(users, (await users.FindByNameAsync(userName))!);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepData)
        {
            DeleteData();
        }
    }

    protected virtual void DeleteData()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean from the temp folder.
        }
    }

    protected static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "idp-tests", Guid.NewGuid().ToString("n"));

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
