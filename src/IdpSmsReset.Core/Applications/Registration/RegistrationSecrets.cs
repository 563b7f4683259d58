using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// The bearer tokens of registration (initial access tokens, registration access tokens): 256 random bits shown once,
/// kept as their SHA-256, compared in fixed time.
/// </summary>
public static class RegistrationSecrets
{
    public static string New() => ApplicationSecrets.New();

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string token, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(token)), Encoding.ASCII.GetBytes(hash));
}
