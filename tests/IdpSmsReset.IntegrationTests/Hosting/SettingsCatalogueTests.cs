using System.Text.RegularExpressions;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>README's configuration table against the options classes: every key documented, nothing else, the same defaults.</summary>
public sealed partial class SettingsCatalogueTests
{
    [Fact]
    public void ReadmeConfigurationTable_HasARowForEverySetting()
    {
        var rows = ReadmeRows().SelectMany(row => row.Keys).ToList();

        var missing = SettingsCatalogue.Entries.Select(entry => entry.Key).Where(key => !rows.Any(row => Covers(row, key))).ToList();

        Assert.True(missing.Count == 0, $"Add to README's configuration table:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void ReadmeConfigurationTable_NamesNoKeyThatIsNoSetting()
    {
        var keys = SettingsCatalogue.Entries.Select(entry => entry.Key).ToList();

        var stale = ReadmeRows().SelectMany(row => row.Keys).Where(row => !keys.Any(key => Covers(row, key))).ToList();

        Assert.True(stale.Count == 0, $"README names keys no options class has:\n{string.Join("\n", stale)}");
    }

    [Fact]
    public void ReadmeConfigurationTable_LiteralDefaults_AreTheOptionsClassesDefaults()
    {
        var defaults = SettingsCatalogue.Entries.ToDictionary(entry => entry.Key, entry => entry.Default);
        var compared = 0;
        var wrong = new List<string>();
        foreach (var (keys, written) in ReadmeRows())
        {
            // Only a cell of plain values, one a key: prose ("Development: …") says what a class cannot.
            if (!LiteralDefaults().IsMatch(written))
            {
                continue;
            }

            var values = written.Split(" / ").Select(value => value.Trim('`')).ToList();
            foreach (var (key, value) in keys.Zip(values).Where(pair => values.Count == keys.Count && defaults.ContainsKey(pair.First)))
            {
                compared++;
                if (defaults[key] is { } actual && actual != value)
                {
                    wrong.Add($"{key}: README says {value}, the options class {actual}");
                }
            }
        }

        Assert.True(compared > 20, $"Only {compared} defaults compared: has the table's layout changed?");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void UnknownKeys_MisspeltKeysAtAnyDepth_NamedByTheirFullPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Idp:Issuer"] = "https://id.example.com",
            ["Idp:Isuer"] = "https://id.example.com",
            ["Idp:Sms:Twilio:Timeout"] = "00:00:05",
            ["Idp:Sms:Twilio:Timout"] = "00:00:05",
            ["Idp:PasswordReset:Limits:PerDestinationPerHour"] = "3",
            ["Idp:PasswordReset:Limits:PerDestinationPerHours"] = "3",
            ["Idp:ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            ["Other:Section"] = "not ours",
        }).Build();

        var unknown = SettingsCatalogue.UnknownKeys(configuration);

        Assert.Equal(["Idp:Isuer", "Idp:PasswordReset:Limits:PerDestinationPerHours", "Idp:Sms:Twilio:Timout"], unknown.Order());
    }

    [Fact]
    public void RenamedSettings_OldName_ReadAsTheNewUnlessTheNewIsSetToo()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Twilio:Timeout"] = "00:00:05",
            ["Jobs:WorkerCount"] = "3",
            ["Idp:Jobs:WorkerCount"] = "7",
            ["ConnectionStrings:Idp"] = "Data Source=old.db",
            ["Idp:PasswordReset:Limits:Ipv6PrefixLength"] = "56",
        });

        var renamed = RenamedSettings.Apply(configuration);

        Assert.Equal("00:00:05", configuration["Idp:Sms:Twilio:Timeout"]);
        Assert.Equal("7", configuration["Idp:Jobs:WorkerCount"]);
        Assert.Equal("Data Source=old.db", configuration["Idp:Database:ConnectionString"]);
        Assert.Equal("56", configuration["Idp:ClientNetwork:Ipv6PrefixLength"]);
        Assert.Empty(SettingsCatalogue.UnknownKeys(configuration));
        Assert.Equal(
            [("ConnectionStrings:Idp", "Idp:Database:ConnectionString"),
                ("Idp:PasswordReset:Limits:Ipv6PrefixLength", "Idp:ClientNetwork:Ipv6PrefixLength"),
                ("Jobs:WorkerCount", "Idp:Jobs:WorkerCount"), ("Sms:Twilio:Timeout", "Idp:Sms:Twilio:Timeout")],
            renamed.Found.Order());
    }

    /// <summary>A row's key covers a setting when it is the setting, or a section written <c>Section:*</c> above it.</summary>
    private static bool Covers(string row, string key) =>
        row.EndsWith(":*", StringComparison.Ordinal) ? key.StartsWith(row[..^1], StringComparison.Ordinal) : row == key;

    /// <summary>
    /// The rows of README's configuration table: the keys of the first cell (<c>`A:B:C` / `:D`</c> is A:B:C and A:B:D) and
    /// the default cell as written.
    /// </summary>
    private static IReadOnlyList<(IReadOnlyList<string> Keys, string Default)> ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var table = lines.SkipWhile(line => line != "## Configuration")
            .SkipWhile(line => !line.StartsWith("| key |", StringComparison.Ordinal)).Skip(2).TakeWhile(line => line.StartsWith('|'));
        return [.. table.Select(line =>
        {
            var cells = line.Split('|');
            var keys = new List<string>();
            foreach (var name in Quoted().Matches(cells[1]).Select(match => match.Groups[1].Value))
            {
                keys.Add(name.StartsWith(':') ? keys[^1][..keys[^1].LastIndexOf(':')] + name : name);
            }

            return ((IReadOnlyList<string>)keys, cells[2].Trim());
        })];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex("^`[^`]*`( / `[^`]*`)*$")]
    private static partial Regex LiteralDefaults();
}
