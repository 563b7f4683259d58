using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Settings that moved under <c>Idp:</c>, still read under their old names for one release: the value is copied to the
/// new name (unless the new name is set too, which wins), and each old name found is logged as a warning at start
/// (<see cref="RenamedSettingsWarning"/>).
/// </summary>
public sealed class RenamedSettings(IReadOnlyList<(string Old, string New)> found)
{
    /// <summary>Old section or key → new one.</summary>
    public static readonly IReadOnlyList<(string Old, string New)> Moves =
    [
        ("Sms", SmsSettings.SectionName),
        ("Database", DatabaseOptions.SectionName),
        ("ConnectionStrings:Idp", $"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.ConnectionString)}"),
        ("Jobs", JobsOptions.SectionName),
        ("PasswordReset", PasswordResetSettings.SectionName),
        ($"{PasswordResetSettings.SectionName}:Limits:Ipv6PrefixLength",
            $"{Core.Limits.ClientNetworkOptions.SectionName}:{nameof(Core.Limits.ClientNetworkOptions.Ipv6PrefixLength)}"),
    ];

    /// <summary>True for a key under an old name: read as its new one, so not a misspelling.</summary>
    public static bool IsOldName(string key) => Moves.Any(move => key.Equals(move.Old, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(move.Old + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>The old keys found, each with the name it is read as.</summary>
    public IReadOnlyList<(string Old, string New)> Found => found;

    public static RenamedSettings Apply(IConfigurationManager configuration)
    {
        var found = new List<(string Old, string New)>();
        var copies = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (oldName, newName) in Moves)
        {
            foreach (var (key, value) in configuration.GetSection(oldName).AsEnumerable())
            {
                if (value is null)
                {
                    continue;
                }

                var renamed = newName + key[oldName.Length..];
                found.Add((key, renamed));
                if (configuration[renamed] is null)
                {
                    copies[renamed] = value;
                }
            }
        }

        if (copies.Count > 0)
        {
            configuration.AddInMemoryCollection(copies);
        }

        return new RenamedSettings(found);
    }
}
