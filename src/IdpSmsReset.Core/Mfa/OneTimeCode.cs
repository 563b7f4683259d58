using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// Numeric codes sent by SMS: drawn from <see cref="RandomNumberGenerator"/>, stored only as a salted HMAC, compared in
/// constant time.
/// </summary>
public static class OneTimeCode
{
    public static string NewNumeric(int length) =>
        string.Create(length, 0, static (digits, _) =>
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(string code, byte[] salt) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code));

    public static bool Matches(string code, byte[] salt, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(code, salt), hash);

    /// <summary>What the user typed, without the spaces and dashes people add when copying a code.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static bool IsWellFormed(string normalized, int length) => IsWellFormed(normalized, length, length);

    /// <summary>Digits only, and between <paramref name="minLength"/> and <paramref name="maxLength"/> of them.</summary>
    public static bool IsWellFormed(string normalized, int minLength, int maxLength) =>
        normalized.Length >= minLength && normalized.Length <= maxLength && normalized.All(char.IsAsciiDigit);
}
