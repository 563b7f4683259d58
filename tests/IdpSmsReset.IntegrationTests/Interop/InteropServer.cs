using System.Security.Cryptography;
using System.Text.Json;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>
/// The server as its own process on a loopback port, for client libraries that run outside this process (under node):
/// the embedded database, and a service that authenticates with a key pair whose private half the client gets.
/// </summary>
public abstract class InteropServer : IAsyncLifetime
{
    public const string SignedServiceId = "interop-signed-service";
    public const string KeyId = "interop-key-1";

    /// <summary>A server-rendered web application with a secret, which may also exchange its users' tokens for the API.</summary>
    public const string WebClientId = "interop-web";
    public const string WebClientSecret = "interop-web-secret-0123456789";
    public const string ApiAudience = "interop-api";

    /// <summary>A browser application (PKCE, no secret).</summary>
    public const string SpaClientId = "interop-spa";

    /// <summary>An Express web application on <see cref="ExpressPort"/> (passport-openidconnect: a secret, no PKCE).</summary>
    public const string ExpressClientId = "interop-express";
    public const string ExpressClientSecret = "interop-express-secret-0123456789";

    /// <summary>A device without a browser (RFC 8628).</summary>
    public const string DeviceClientId = "interop-device";

    /// <summary>Where the applications are sent back to; nothing listens there: the test's browser stops at the address.</summary>
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string PostLogoutRedirectUri = "http://127.0.0.1/signed-out";

    public const string UserName = "ada";
    public const string Password = "a long enough passphrase";

    private readonly string _directory = Directory.CreateTempSubdirectory("idp-interop-").FullName;
    private readonly RSA _key = RSA.Create(2048);
    private ServerProcess? _server;

    public string Issuer { get; private set; } = "";

    /// <summary>The loopback port the Express application listens on: its redirect URI is registered with it.</summary>
    public int ExpressPort { get; } = ServerProcess.FreePort();

    /// <summary>The signed service's key pair, for libraries that take a key to sign with.</summary>
    public RSA Key => _key;

    /// <summary>The service's private key as a JWK, as a client library imports it.</summary>
    public string PrivateJwk
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(true)));
            return JsonSerializer.Serialize(new
            {
                kty = "RSA", kid = KeyId, alg = "RS256", n = jwk.N, e = jwk.E, d = jwk.D, p = jwk.P, q = jwk.Q, dp = jwk.DP, dq = jwk.DQ,
                qi = jwk.QI,
            });
        }
    }

    /// <summary>False when the database it needs is not there (a developer's machine without PostgreSQL): its tests skip.</summary>
    public bool Available { get; private set; }

    /// <summary>Skips the test when the server could not start for want of its database (never under CI).</summary>
    public void RequireRunning() => Skip.IfNot(Available, "PostgreSQL is not running; the interop tests on it are skipped.");

    /// <summary>Where the server keeps its data; null when that database is not available here.</summary>
    protected abstract IReadOnlyDictionary<string, string>? DatabaseSettings(string directory);

    /// <summary>Drops what <see cref="DatabaseSettings"/> created.</summary>
    protected virtual void DropDatabase()
    {
    }

    public async Task InitializeAsync()
    {
        if (DatabaseSettings(_directory) is not { } database)
        {
            return;
        }

        Available = true;
        var port = ServerProcess.FreePort();
        Issuer = $"http://127.0.0.1:{port}/";
        var bootstrap = Path.Combine(_directory, "bootstrap.json");
        var publicKey = _key.ExportParameters(includePrivateParameters: false);
        await File.WriteAllTextAsync(bootstrap, BootstrapFile.Json(new BootstrapDocument
        {
            Users = [BootstrapFile.Person(UserName, Password)],
            Applications =
            [
                new ApplicationDefinition
                {
                    ClientId = WebClientId, ClientSecret = WebClientSecret, DisplayName = "Interop web",
                    Type = ApplicationVocabulary.Confidential,
                    GrantTypes =
                        [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken, ApplicationVocabulary.TokenExchange],
                    TokenExchangeAudiences = [ApiAudience], RedirectUris = [RedirectUri],
                    PostLogoutRedirectUris = [PostLogoutRedirectUri], Scopes = ["openid", "profile", "offline_access"],
                },
                new ApplicationDefinition
                {
                    ClientId = SpaClientId, DisplayName = "Interop SPA", Type = ApplicationVocabulary.Public,
                    GrantTypes = [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken],
                    RedirectUris = [RedirectUri], PostLogoutRedirectUris = [PostLogoutRedirectUri],
                    Scopes = ["openid", "profile", "offline_access"],
                },
                new ApplicationDefinition
                {
                    ClientId = ExpressClientId, ClientSecret = ExpressClientSecret, DisplayName = "Interop Express",
                    Type = ApplicationVocabulary.Confidential, GrantTypes = [ApplicationVocabulary.AuthorizationCode],
                    RedirectUris = [$"http://127.0.0.1:{ExpressPort}/callback"], Scopes = ["openid", "profile"],
                },
                new ApplicationDefinition
                {
                    ClientId = DeviceClientId, DisplayName = "Interop device", Type = ApplicationVocabulary.Public,
                    GrantTypes = [ApplicationVocabulary.DeviceCode, ApplicationVocabulary.RefreshToken],
                    Scopes = ["openid", "profile", "offline_access"],
                },
                new ApplicationDefinition
                {
                    ClientId = SignedServiceId, DisplayName = "Interop signed service", Type = ApplicationVocabulary.Confidential,
                    GrantTypes = [ApplicationVocabulary.ClientCredentials], Scopes = ["profile"],
                    JsonWebKeySet = JsonSerializer.Serialize(new
                    {
                        keys = new[]
                        {
                            new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(publicKey.Modulus),
                                e = Base64UrlEncoder.Encode(publicKey.Exponent) },
                        },
                    }),
                },
            ],
        }));
        _server = ServerProcess.Start(_directory, new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Idp__Issuer"] = Issuer,
            ["Idp__Bootstrap__Path"] = bootstrap,
            // As an outside check runs it: anyone may register a public application.
            ["Idp__DynamicClientRegistration__Mode"] = "open",
        }, "--urls", Issuer.TrimEnd('/'));
        await _server.WaitUntilReadyAsync(Issuer.TrimEnd('/'), TimeSpan.FromSeconds(90));
    }

    /// <summary>A person's browser on this server: its own cookies, redirects followed within the server only.</summary>
    public TestBrowser CreateBrowser()
    {
        var cookies = new System.Net.CookieContainer();
        return new TestBrowser(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Issuer),
        }, cookies);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        DropDatabase();
        _key.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold the database for a moment; the temporary folder is cleaned by the system.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The interop server on the embedded database.</summary>
public sealed class SqliteInteropServer : InteropServer
{
    protected override IReadOnlyDictionary<string, string> DatabaseSettings(string directory) =>
        new Dictionary<string, string> { ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "idp.db")}" };
}

/// <summary>The interop server on a fresh PostgreSQL database of its own.</summary>
public sealed class PostgreSqlInteropServer : InteropServer
{
    private readonly string _database = "idp_interop_" + Guid.NewGuid().ToString("N")[..12];

    protected override IReadOnlyDictionary<string, string>? DatabaseSettings(string directory)
    {
        try
        {
            PostgreSqlTestServer.RequireAvailable();
        }
        catch (SkipException)
        {
            return null;
        }

        return new Dictionary<string, string>
        {
            ["Idp__Database__Provider"] = "PostgreSql",
            ["Idp__Database__ConnectionString"] = PostgreSqlTestServer.ConnectionString(_database),
        };
    }

    protected override void DropDatabase() => PostgreSqlTestServer.DropDatabase(_database);
}
