using System.Reflection;

namespace IdpSmsReset.Core.Policies;

/// <summary>
/// The common-password list shipped with zxcvbn-core (about 30,000 passwords seen in breaches), loaded once. A
/// password on it is refused outright when the policy's blocklist is on, whatever its length.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).GetTypeInfo().Assembly;
        var resource = assembly.GetManifestResourceNames().Single(name => name.EndsWith("passwords.lst", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
