using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// A subscription's signing secret, written as the Standard Webhooks specification writes it (<c>whsec_</c> and the
/// key in base64), so that receivers hand it to their verifier as it is. Stored under Data Protection, for signing only.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "whsec_";

    /// <summary>The specification's range for the key.</summary>
    public const int MinKeyBytes = 24;

    public const int MaxKeyBytes = 64;

    private readonly IDataProtector _protector = provider.CreateProtector("IdpSmsReset.Events.WebhookSecret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key a secret holds, or null with why not.</summary>
    public static byte[]? KeyOf(string? secret, out string? problem)
    {
        problem = null;
        var encoded = secret?.Trim() ?? "";
        encoded = encoded.StartsWith(Prefix, StringComparison.Ordinal) ? encoded[Prefix.Length..] : encoded;
        var buffer = new byte[encoded.Length];
        if (encoded.Length == 0 || !Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            problem = "The secret must be whsec_ followed by base64, as the Standard Webhooks specification writes it.";
            return null;
        }

        if (length is < MinKeyBytes or > MaxKeyBytes)
        {
            problem = $"The secret's key must be {MinKeyBytes} to {MaxKeyBytes} bytes; it is {length}.";
            return null;
        }

        return buffer[..length];
    }

    public string Protect(string secret) => _protector.Protect(secret.Trim());

    public byte[] KeyOfStored(string protectedSecret) => KeyOf(_protector.Unprotect(protectedSecret), out _)!;

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
