using System.Text.RegularExpressions;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>Docker cannot run here; this keeps docker-compose.yml speaking the server's configuration keys.</summary>
public sealed partial class DockerComposeTests
{
    [Fact]
    public void Compose_ServerEnvironment_BindsToTheServersOptionsWithoutUnknownKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ServerEnvironment()).Build();

        var idp = configuration.GetSection(IdpOptions.SectionName).Get<IdpOptions>(binder => binder.ErrorOnUnknownConfiguration = true)!;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>(binder
            => binder.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal("https://localhost:8443", idp.Issuer);
        Assert.True(idp.Certificates.Signing.IsConfigured);
        Assert.True(idp.Certificates.Encryption.IsConfigured);
        Assert.Equal(DatabaseProvider.SqlServer, database.Provider);
        Assert.StartsWith("Server=sqlserver,1433;", configuration.GetConnectionString("Idp"));
        Assert.Equal("Production", configuration["ASPNETCORE_ENVIRONMENT"]);
    }

    /// <summary>The idp service's environment, with <c>${VAR:-default}</c> taken at its default and <c>__</c> read as <c>:</c>.</summary>
    private static Dictionary<string, string?> ServerEnvironment()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        var service = Array.IndexOf(lines, "  idp:");
        var environment = Array.FindIndex(lines, service, line => line == "    environment:");
        return lines.Skip(environment + 1)
            .TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Select(line => line.Trim().Split(':', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":"), pair => (string?)Defaults().Replace(pair[1].Trim(),
                match => match.Groups[1].Value));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docker-compose.yml")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("docker-compose.yml not found above the test output.");
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex Defaults();
}
