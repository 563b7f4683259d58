using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Users;

/// <summary>A custom key/value on a user (employee number, a second mobile...); the SMS factor may read the phone from one.</summary>
public sealed partial class UserAttribute
{
    /// <summary>Letters, digits, '_', '-' or '.', starting with a letter, at most 128 characters (the column's length).</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Value { get; set; }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]{0,127}$")]
    private static partial Regex NamePattern();
}
