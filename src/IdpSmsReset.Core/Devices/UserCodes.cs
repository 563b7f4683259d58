namespace IdpSmsReset.Core.Devices;

/// <summary>
/// The shape of a user code (RFC 8628 §6.1): consonants only, no vowels to spell words, no 0/O or 1/I to confuse; 8 of
/// 20 make about 34 bits, which the per-address limit on wrong codes leaves out of reach. People type them, so case,
/// dashes and spaces do not count.
/// </summary>
public static class UserCodes
{
    public static readonly IReadOnlyList<string> Charset =
        ["B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V", "W", "X", "Z"];

    public const int Length = 8;

    /// <summary>The code as OpenIddict stores it: capitals of the charset only, as OpenIddict drops every other character.</summary>
    public static string Normalize(string typed) =>
        string.Concat(typed.ToUpperInvariant().Where(character => Charset.Contains(character.ToString())));
}
