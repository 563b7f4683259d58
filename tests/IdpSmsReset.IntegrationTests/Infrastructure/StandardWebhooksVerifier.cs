using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// A receiver's check of a delivery, written from the Standard Webhooks specification alone (not from the server's
/// code): README's C# example is this class.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verify(string secret, string id, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        // Refuse old or future deliveries: a captured request cannot be replayed later.
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 5 * 60)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = Encoding.ASCII.GetBytes(
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        // The header may hold several signatures (during a secret's rotation), separated by spaces.
        return signatures.Split(' ').Any(signature =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), expected));
    }
}
