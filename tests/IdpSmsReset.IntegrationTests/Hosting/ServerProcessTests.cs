using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>The server started as a process, as an operator starts it: production settings work, a bad configuration ends it with one clear
/// line.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-startup-").FullName;

    [Fact]
    public async Task Development_WithUrlsAndNoIssuer_ServesDiscoveryUnderTheListenAddress()
    {
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start(_directory, Settings("Development"), "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var discovery = await PollAsync(() => http.GetStringAsync("/.well-known/openid-configuration"), server);

        Assert.Contains($"\"issuer\": \"http://127.0.0.1:{port}/\"", discovery);
        Assert.Contains($"\"authorization_endpoint\": \"http://127.0.0.1:{port}/connect/authorize\"", discovery);
    }

    [Fact]
    public async Task Production_WithCertificates_StartsAndEncryptsTheDataProtectionKeys()
    {
        var settings = ProductionWithCertificates();
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start(_directory, settings, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await PollAsync(() => http.GetStringAsync("/health/ready"), server);
        var discovery = await http.GetAsync("/.well-known/openid-configuration");
        var tryIt = await http.GetAsync("/dev/try");

        Assert.Equal("Healthy", health);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, tryIt.StatusCode);
        // OpenIddict refuses plain HTTP outside Development: production runs behind TLS.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, discovery.StatusCode);
        Assert.Contains("encryptedSecret", await ReadSqliteAsync("SELECT Xml FROM DataProtectionKeys"));
    }

    [Fact]
    public async Task Development_SmsSandbox_SendsThroughTheRealPathAndListsTheMessage()
    {
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start(_directory, Settings("Development"), "--urls", $"http://127.0.0.1:{port}");
        var cookies = new System.Net.CookieContainer();
        using var browser = new TestBrowser(
            new HttpClient(new HttpClientHandler { CookieContainer = cookies,
                AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") },
            cookies);
        await PollAsync(() => browser.Client.GetStringAsync("/health/ready"), server);

        var inbox = await browser.OpenAsync("/dev/sms");
        var refused = await browser.SubmitAsync(inbox, new Dictionary<string, string> { ["Input.To"] = "+1 555",
            ["Input.Body"] = "kept as typed" });
        await browser.SubmitAsync(inbox, new Dictionary<string, string> { ["Input.To"] = "+1 415 555 0100",
            ["Input.Body"] = "sandbox check 42" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var page = await browser.OpenAsync("/dev/sms");
        while (!page.Text.Contains("sandbox check 42") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            page = await browser.OpenAsync("/dev/sms");
        }

        Assert.Contains("sandbox check 42", page.Text);
        Assert.Contains("+14155550100", page.Text);
        Assert.Equal("That is not a valid phone number.", refused.FieldError("to-error"));
        Assert.Equal("+1 555", refused.InputValue("Input.To"));
        Assert.Equal("kept as typed", refused.InputValue("Input.Body"));
    }

    [Fact]
    public async Task Bootstrap_InvalidEntry_StopsStartNamingTheEntryAndField()
    {
        var bootstrap = WriteBootstrap("""
            {"applications": [{"clientId": "broken", "type": "public", "grantTypes": ["authorization_code"],
              "redirectUris": ["not a uri"]}]}
            """);

        var output = await RefusalAsync(Settings("Development", bootstrap));

        Assert.Contains("IdpSmsReset cannot start: Bootstrap file", output);
        Assert.Contains("applications[0] ('broken').redirectUris[0]: 'not a uri' is not an absolute URI.", output);
    }

    [Fact]
    public async Task Bootstrap_UnknownTheme_StopsStartNamingTheApplication()
    {
        var bootstrap = WriteBootstrap("""
            {"applications": [{"clientId": "branded", "type": "public", "grantTypes": ["authorization_code"],
              "redirectUris": ["https://rp.example/cb"], "theme": "neon"}]}
            """);

        var output = await RefusalAsync(Settings("Development", bootstrap));

        Assert.Contains("applications[0] ('branded').theme: 'neon' is not a theme; use 'corporate', 'default', 'midnight'.", output);
    }

    [Fact]
    public async Task Bootstrap_MalformedJson_StopsStartNamingTheLine()
    {
        var bootstrap = WriteBootstrap("{\n  \"users\": [\n    {\"userName\": \"x\",, }\n  ]\n}");

        var output = await RefusalAsync(Settings("Development", bootstrap));

        Assert.Contains("is malformed at $.users[0]", output);
        Assert.Contains("line 3", output);
    }

    [Fact]
    public async Task Production_KeysFromCertificatesWithoutThem_RefusesToStartNamingTheSettings()
    {
        var settings = Settings("Production");
        settings["Idp__Keys__Source"] = "Certificates";

        var output = await RefusalAsync(settings);

        Assert.Contains("Idp:Certificates:Signing:Path is required outside Development", output);
        Assert.Contains("Idp:Certificates:Encryption:Path is required outside Development", output);
    }

    [Fact]
    public async Task Production_KeysInTheDatabaseWithoutADataProtectionCertificate_RefusesToStart()
    {
        var output = await RefusalAsync(Settings("Production"));

        Assert.Contains("Idp:Certificates:DataProtection:Path is required outside Development with Idp:Keys:Source Database", output);
        Assert.DoesNotContain("Idp:Certificates:Signing", output);
    }

    [Fact]
    public async Task Sqlite_SecondInstanceOnTheSameFile_RefusedInOneLine_FirstKeepsServing()
    {
        var port = ServerProcess.FreePort();
        using var first = ServerProcess.Start(_directory, Settings("Development"), "--urls", $"http://127.0.0.1:{port}");
        await first.WaitUntilReadyAsync($"http://127.0.0.1:{port}", StartTimeout);

        var output = await RefusalAsync(Settings("Development"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Contains("another instance is already using the SQLite database", output);
        Assert.Contains("SQLite and its job storage are for one instance", output);
        Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task UnreachablePostgreSql_RefusesToStartNamingTheSetting()
    {
        var settings = Settings("Development");
        settings["Idp__Database__Provider"] = "PostgreSql";
        settings["Idp__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=idp;Timeout=3";

        // The retrying strategy gives a database that starts alongside the server about 56 s (six retries, 1 s to 30 s
        // apart) before the server gives up, so this refusal takes a minute by design.
        var output = await RefusalAsync(settings, TimeSpan.FromMinutes(2));

        Assert.Contains(
            "IdpSmsReset cannot start: Idp:Database:ConnectionString: the PostgreSql database (Idp:Database:Provider) cannot be used",
            output);
    }

    [Fact]
    public async Task SettingUnderItsOldName_StillRead_WithAWarningLineNamingTheNewName()
    {
        var settings = Settings("Development");
        settings.Remove("Idp__Database__ConnectionString");
        var oldNamed = Path.Combine(_directory, "named-the-old-way.db");
        settings["ConnectionStrings__Idp"] = $"Data Source={oldNamed}";
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start(_directory, settings, "--urls", $"http://127.0.0.1:{port}");

        await server.WaitUntilReadyAsync($"http://127.0.0.1:{port}", StartTimeout);

        Assert.True(File.Exists(oldNamed), server.Output);
        Assert.Contains("The setting ConnectionStrings:Idp is read as Idp:Database:ConnectionString", server.Output);
    }

    [Fact]
    public async Task Production_EmptyDatabaseWithBootstrapAdmin_MakesTheFirstAdministratorOnce()
    {
        var settings = ProductionWithCertificates();
        settings.Remove("Idp__Bootstrap__Path");
        settings["Idp__BootstrapAdmin__UserName"] = "first-admin";
        settings["Idp__BootstrapAdmin__Password"] = "a long first administrator passphrase";
        var first = await StartedAsync(settings);
        settings["Idp__BootstrapAdmin__UserName"] = "second-admin";
        var second = await StartedAsync(settings);

        Assert.Equal("update-password,configure-second-factor",
            await ReadSqliteAsync("SELECT RequiredActions FROM AspNetUsers WHERE UserName = 'first-admin'"));
        Assert.Equal("admin", await ReadSqliteAsync("SELECT r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId"
            + " JOIN AspNetUsers u ON u.Id = ur.UserId WHERE u.UserName = 'first-admin'"));
        Assert.Equal("0", await ReadSqliteAsync("SELECT CAST(COUNT(*) AS TEXT) FROM AspNetUsers WHERE UserName = 'second-admin'"));
        Assert.Contains("The first administrator first-admin was made from Idp:BootstrapAdmin", first);
        Assert.Contains("Idp:BootstrapAdmin is ignored: an administrator exists already", second);
        Assert.DoesNotContain("a long first administrator passphrase", first + second);
        Assert.Equal("Idp:BootstrapAdmin", await ReadSqliteAsync(
            $"SELECT Actor FROM AuditEvents WHERE Type = '{Core.Audit.AuditEventTypes.FirstAdministratorCreated}'"));
    }

    [Fact]
    public async Task Production_NoAdministratorAndNoBootstrapAdmin_SaysHowToMakeOne()
    {
        var settings = ProductionWithCertificates();
        settings.Remove("Idp__Bootstrap__Path");

        var output = await StartedAsync(settings);

        Assert.Contains("No administrator exists: set Idp__BootstrapAdmin__UserName and Idp__BootstrapAdmin__Password", output);
    }

    /// <summary>Starts the server, waits until it is ready, stops it, and returns what it wrote.</summary>
    private async Task<string> StartedAsync(Dictionary<string, string> settings)
    {
        var port = ServerProcess.FreePort();
        using var server = ServerProcess.Start(_directory, settings, "--urls", $"http://127.0.0.1:{port}");
        await server.WaitUntilReadyAsync($"http://127.0.0.1:{port}", StartTimeout);
        server.Kill();
        return server.Output;
    }

    private Dictionary<string, string> ProductionWithCertificates()
    {
        var settings = Settings("Production");
        settings["Idp__Certificates__Signing__Path"] = TestCertificate.WritePfx(_directory, "signing", "pfx-password");
        settings["Idp__Certificates__Signing__Password"] = "pfx-password";
        settings["Idp__Certificates__Encryption__Path"] = TestCertificate.WritePfx(_directory, "encryption", "pfx-password");
        settings["Idp__Certificates__Encryption__Password"] = "pfx-password";
        return settings;
    }

    private Dictionary<string, string> Settings(string environment, string? bootstrap = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
            ["Idp__Issuer"] = environment == "Production" ? "https://id.example.com" : "",
            ["Idp__Bootstrap__Path"] = bootstrap ?? WriteBootstrap(TestBootstrap.Json),
        };
        return settings;
    }

    private async Task<string> ReadSqliteAsync(string query)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "idp.db")}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = query;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string WriteBootstrap(string json)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("n") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Starts the server and expects it to refuse: exit code 1 and one explanatory line, no stack trace.</summary>
    private async Task<string> RefusalAsync(Dictionary<string, string> settings, TimeSpan? timeout = null)
    {
        using var server = ServerProcess.Start(_directory, settings, "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}");
        var exitCode = await server.WaitForExitAsync(timeout ?? StartTimeout);

        Assert.True(exitCode == 1, $"Exit code {exitCode}:\n{server.Output}");
        Assert.Contains("IdpSmsReset cannot start: ", server.Output);
        Assert.DoesNotContain("   at ", server.Output);
        return server.Output;
    }

    private static async Task<string> PollAsync(Func<Task<string>> request, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (HttpRequestException exception)
            {
                throw new Xunit.Sdk.XunitException($"The server did not answer: {exception.Message}\n{server.Output}");
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
