using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Core.Keys;
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
        Assert.StartsWith("Server=sqlserver,1433;", database.ConnectionString);
        Assert.Equal("Production", configuration["ASPNETCORE_ENVIRONMENT"]);
        Assert.True(idp.Metrics.Enabled);
        Assert.Contains($"http://+:{idp.Metrics.Port}", configuration["ASPNETCORE_URLS"]);
    }

    [Fact]
    public void ObservabilityProfile_PrometheusScrapesTheMetricsPort_GrafanaChartsOnlyMetricsTheServerHas()
    {
        var root = RepositoryRoot.Path;
        var compose = File.ReadAllText(Path.Combine(root, "docker-compose.yml"));
        var scrape = File.ReadAllText(Path.Combine(root, "docker", "prometheus", "prometheus.yml"));
        using var dashboard = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docker", "grafana", "dashboards",
            "idpsmsreset.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()).Select(target
                => target.GetProperty("expr").GetString()!).ToList();
        // The meter's instruments as Prometheus names them (dots to underscores, _total on counters, the unit on histograms).
        string[] known = ["idp_sign_ins_total", "idp_tokens_issued_total", "idp_token_requests_refused_total",
            "idp_password_reset_steps_total",
            "idp_sms_total", "idp_sms_latency_seconds_bucket", "idp_twilio_duration_seconds_bucket",
                "idp_backchannel_logout_deliveries_total",
            "idp_second_factor_checks_total"];

        Assert.Contains("profiles: [\"observability\"]", compose);
        Assert.Contains("targets: [\"idp:9000\"]", scrape);
        Assert.True(expressions.Count >= 8);
        Assert.All(IdpMetricNames().Matches(string.Join(" ", expressions)).Select(match => match.Value), name => Assert.Contains(name,
            known));
    }

    [Fact]
    public void ClusterProfile_TwoInstancesBehindTheProxy_KeysInTheDatabaseAndTheProxyBelieved()
    {
        var root = RepositoryRoot.Path;
        var compose = File.ReadAllText(Path.Combine(root, "docker-compose.yml"));
        var proxy = File.ReadAllText(Path.Combine(root, "docker", "nginx", "cluster.conf"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ServerEnvironment("idp-cluster")).Build();

        // Idp:Keys is its own options class (TokenKeyOptions), bound strictly below.
        var idp = configuration.GetSection(IdpOptions.SectionName).Get<IdpOptions>()!;
        var keys = configuration.GetSection(TokenKeyOptions.SectionName).Get<TokenKeyOptions>(binder
            => binder.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal(TokenKeySource.Database, KeysHosting.SourceOf(configuration));
        Assert.Equal(TokenKeySource.Database, keys.Source);
        Assert.True(idp.Certificates.DataProtection.IsConfigured);
        Assert.NotEmpty(idp.ForwardedHeaders.KnownNetworks);
        Assert.StartsWith("https://", idp.Issuer);
        Assert.Contains("idp-cluster-2:\n    <<: *idp-cluster", compose.Replace("\r\n", "\n"));
        Assert.Contains("server idp-cluster:8080", proxy);
        Assert.Contains("server idp-cluster-2:8080", proxy);
        Assert.Contains("proxy_set_header X-Forwarded-Proto https;", proxy);
    }

    /// <summary>The idp service's environment, with <c>${VAR:-default}</c> taken at its default and <c>__</c> read as <c>:</c>.</summary>
    private static Dictionary<string, string?> ServerEnvironment(string name = "idp")
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        var service = Array.FindIndex(lines, line => line == $"  {name}:" || line.StartsWith($"  {name}: &", StringComparison.Ordinal));
        var environment = Array.FindIndex(lines, service, line => line == "    environment:");
        return lines.Skip(environment + 1)
            .TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Select(line => line.Trim().Split(':', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":"), pair => (string?)Defaults().Replace(pair[1].Trim(),
                match => match.Groups[1].Value));
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:-([^}]*)\}")]
    private static partial Regex Defaults();

    [GeneratedRegex(@"idp_[a-z_]+")]
    private static partial Regex IdpMetricNames();
}
