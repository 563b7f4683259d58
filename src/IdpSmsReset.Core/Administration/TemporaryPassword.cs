using System.Security.Cryptography;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// A password an administrator hands over once: four groups of five letters and digits without look-alikes (about 100
/// bits), easy to read out and type, and changed by the user at the next sign-in anyway.
/// </summary>
public static class TemporaryPassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
}
