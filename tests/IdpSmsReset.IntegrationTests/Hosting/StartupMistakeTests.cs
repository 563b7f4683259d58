using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// The mistakes an operator makes in a first hour, each made in a real server process: every one ends the start with exit
/// code 1 and one line on standard error naming the setting, what is wrong with it and what to write instead.
/// </summary>
public sealed class StartupMistakeTests : IDisposable
{
    private const string Pfx = "pfx-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-mistake-").FullName;

    /// <summary>Each case: its environment, the settings it changes ({dir} is the test's folder), and the line expected.</summary>
    private static readonly Dictionary<string, (string Environment, string[] Settings, string Line)> Cases = new()
    {
        ["wrong certificate password"] = ("Production", ["Idp__Keys__Source=Certificates",
                "Idp__Certificates__Signing__Path={dir}/signing.pfx", "Idp__Certificates__Signing__Password=not-the-password",
                "Idp__Certificates__Encryption__Path={dir}/encryption.pfx", $"Idp__Certificates__Encryption__Password={Pfx}"],
            "Idp:Certificates:Signing:Path '{dir}/signing.pfx' cannot be opened with Idp:Certificates:Signing:Password: "
            + "the password is wrong."),
        ["certificate file missing"] = ("Production", ["Idp__Keys__Source=Certificates",
                "Idp__Certificates__Signing__Path={dir}/nowhere.pfx", $"Idp__Certificates__Signing__Password={Pfx}",
                "Idp__Certificates__Encryption__Path={dir}/encryption.pfx", $"Idp__Certificates__Encryption__Password={Pfx}"],
            "Idp:Certificates:Signing:Path '{dir}/nowhere.pfx' does not exist."),
        ["certificates required in production"] = ("Production", ["Idp__Keys__Source=Certificates"],
            "Idp:Certificates:Signing:Path is required outside Development (a .pfx file; its password in "
            + "Idp:Certificates:Signing:Password)."),
        ["no issuer in production"] = ("Production", ["Idp__Issuer="],
            "Idp:Issuer is required: set it to the public origin of this server, such as https://id.example.com."),
        ["http issuer in production"] = ("Production", ["Idp__Issuer=http://id.example.com"],
            "Idp:Issuer 'http://id.example.com' must use https outside Development."),
        ["SQL Server connection string with SQLite"] = ("Development",
            ["Idp__Database__ConnectionString=Server=db;Database=idp;User Id=sa;Password=x;TrustServerCertificate=true"],
            "Idp:Database:ConnectionString is not a Sqlite connection string ('server' is not one of its keywords): with "
            + "Idp:Database:Provider Sqlite write it like Data Source=App_Data/idp.db, or set Idp:Database:Provider to the database "
            + "the string is for (Sqlite, PostgreSql or SqlServer)."),
        ["SQLite connection string with PostgreSQL"] = ("Development",
            ["Idp__Database__Provider=PostgreSql", "Idp__Database__ConnectionString=Data Source={dir}/idp.db"],
            "Idp:Database:ConnectionString is not a PostgreSql connection string ('data source' is not one of its keywords)"),
        ["PostgreSQL without a connection string"] = ("Development",
            ["Idp__Database__Provider=PostgreSql", "Idp__Database__ConnectionString="],
            "Idp:Database:ConnectionString is required for Idp:Database:Provider 'PostgreSql' (such as Host=db;Database=idp;"),
        ["misspelt provider"] = ("Development", ["Idp__Database__Provider=Postgres"],
            "Idp:Database:Provider 'Postgres' is not one of Sqlite, SqlServer, PostgreSql."),
        ["duration in words"] = ("Development", ["Idp__Jobs__KeepEndedFor=2 days"],
            "Idp:Jobs:KeepEndedFor '2 days' is not a duration: write it as [days.]hours:minutes:seconds, such as 2.00:00:00 for two days"),
        ["duration out of range"] = ("Development", ["Idp__Jobs__KeepEndedFor=00:05:00"],
            "Idp:Jobs:KeepEndedFor must be between 01:00:00 and 365.00:00:00."),
        ["yes for a switch"] = ("Development", ["Idp__Sms__Sandbox__Enabled=yes"], "Idp:Sms:Sandbox:Enabled 'yes' is not true or false."),
        ["words for a number"] = ("Development", ["Idp__Api__RequestsPerMinutePerClient=lots"],
            "Idp:Api:RequestsPerMinutePerClient 'lots' is not a whole number."),
        ["misspelt setting"] = ("Development", ["Idp__Jobs__KeepEndedFour=2.00:00:00"],
            "Idp:Jobs:KeepEndedFour is not a setting (a misspelling? README's configuration table lists every key)."),
        ["SMS sandbox in production"] = ("Production", ["Idp__Sms__Sandbox__Enabled=true"],
            "Idp:Sms:Sandbox:Enabled cannot be true outside Development"),
        ["themes folder missing"] = ("Development", ["Idp__Themes__Path={dir}/no-themes-here"],
            "Idp:Themes:Path '{dir}/no-themes-here' does not exist"),
        ["bootstrap file missing"] = ("Development", ["Idp__Bootstrap__Path={dir}/nowhere.json"],
            "Bootstrap file '{dir}/nowhere.json' (Idp:Bootstrap:Path) does not exist."),
        ["bootstrap field misspelt"] = ("Development", ["Idp__Bootstrap__Path={dir}/misspelt.json"],
            "Bootstrap file '{dir}/misspelt.json' is invalid: users[0] ('ann'): 'displayNme' is not a field here; "
            + "did you mean 'displayName'?"),
        ["port in use"] = ("Development", ["urls={busy}"],
            "{busy} is already in use by another process: stop that process, or listen elsewhere with --urls (or ASPNETCORE_URLS)"),
    };

    public static TheoryData<string> Mistakes => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Start_WithAMistake_ExitCode1AndOneLineNamingTheSettingAndTheFix(string mistake)
    {
        var (environment, changes, expected) = Cases[mistake];
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var busyAddress = $"http://127.0.0.1:{((System.Net.IPEndPoint)busy.LocalEndpoint).Port}";
        string Fill(string text) => text.Replace("{dir}", _directory).Replace("{busy}", busyAddress);
        var settings = Settings(environment);
        foreach (var change in changes.Select(Fill))
        {
            settings[change[..change.IndexOf('=')]] = change[(change.IndexOf('=') + 1)..];
        }

        var urls = settings.Remove("urls", out var chosen) ? chosen : $"http://127.0.0.1:{ServerProcess.FreePort()}";
        using var server = ServerProcess.Start(_directory, settings, "--urls", urls);
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var line = Assert.Single(server.Errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.True(exitCode == 1, $"Exit code {exitCode}:\n{server.Output}");
        Assert.StartsWith("IdpSmsReset cannot start: ", line);
        Assert.Contains(Fill(expected), line);
        Assert.DoesNotContain("   at ", server.Output);
        var sentences = line.Split(". ");
        Assert.Equal(sentences.Length, sentences.Distinct().Count());
    }

    [Fact]
    public async Task Start_OnADatabaseFromADevelopmentBuildBeforeV010_OneLineSayingToDeleteIt()
    {
        var file = Path.Combine(_directory, "old.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            // What a build from before the migrations were squashed left: its first migration's id in the history.
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261125185652_InitialSchema', '10.0.15');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var settings = Settings("Development");
        settings["Idp__Database__ConnectionString"] = $"Data Source={file}";
        using var server = ServerProcess.Start(_directory, settings, "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}");
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var line = Assert.Single(server.Errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.True(exitCode == 1, $"Exit code {exitCode}:\n{server.Output}");
        Assert.StartsWith("IdpSmsReset cannot start: Idp:Database:ConnectionString: the Sqlite database was made by another build", line);
        Assert.Contains($"such as 20261125185652_InitialSchema): a development build from before v0.1.0", line);
        Assert.Contains(file, line);
    }

    private Dictionary<string, string> Settings(string environment)
    {
        TestCertificate.WritePfx(_directory, "signing", Pfx);
        TestCertificate.WritePfx(_directory, "encryption", Pfx);
        File.WriteAllText(Path.Combine(_directory, "misspelt.json"),
            """{"users": [{"userName": "ann", "password": "a long passphrase", "displayNme": "Ann"}]}""");
        File.WriteAllText(Path.Combine(_directory, "bootstrap.json"), TestBootstrap.Json);
        return new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
            ["Idp__Issuer"] = environment == "Production" ? "https://id.example.com" : "",
            ["Idp__Bootstrap__Path"] = Path.Combine(_directory, "bootstrap.json"),
        };
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
