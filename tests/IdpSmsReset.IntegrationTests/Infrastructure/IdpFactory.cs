using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The server in memory, on a SQLite database of its own, bootstrapped with <see cref="TestBootstrap"/>.</summary>
public class IdpFactory : WebApplicationFactory<Program>
{
    public const string Origin = "http://localhost";

    public IdpFactory()
        : this(Path.Combine(Path.GetTempPath(), "idp-tests", Guid.NewGuid().ToString("n")))
    {
    }

    /// <summary>A server on the database (and bootstrap file) in <paramref name="dataDirectory"/>: a restart when it already exists.</summary>
    internal IdpFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Directory.CreateDirectory(DataDirectory);
        BootstrapPath = Path.Combine(DataDirectory, "bootstrap.json");
        if (!File.Exists(BootstrapPath))
        {
            File.WriteAllText(BootstrapPath, TestBootstrap.Json);
        }
    }

    public string DataDirectory { get; }

    /// <summary>Leave the database behind on dispose, for a test that restarts the server on it.</summary>
    public bool KeepData { get; set; }

    public string BootstrapPath { get; set; }

    public string EnvironmentName { get; set; } = "Development";

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Counts the SQL commands the server sends, for the round-trip budget tests.</summary>
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Idp", $"Data Source={Path.Combine(DataDirectory, "idp.db")}");
        builder.UseSetting("Idp:Issuer", Origin);
        builder.UseSetting("Idp:Bootstrap:Path", BootstrapPath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<IdpDbContext>(options => options.AddInterceptors(Commands)));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects by itself.</summary>
    public TestBrowser CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser that has already signed in as <paramref name="userName"/> on the login page.</summary>
    public async Task<TestBrowser> CreateSignedInBrowserAsync(string userName)
    {
        var browser = CreateBrowser();
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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean from the temp folder.
            }
        }
    }
}
