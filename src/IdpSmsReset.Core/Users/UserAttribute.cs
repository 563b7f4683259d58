using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Users;

/// <summary>A custom key/value on a user (employee number, a second mobile...); the SMS factor may read the phone from one.</summary>
public sealed partial class UserAttribute
{
    /// <summary>The columns' lengths.</summary>
    public const int MaxNameLength = 128;

    public const int MaxValueLength = 1024;

    public const string BadName = "an attribute name is letters, digits, '_', '-' or '.', starting with a letter, at most 128 characters.";

    public const string ValueTooLong = "an attribute value is at most 1024 characters.";

    /// <summary>Letters, digits, '_', '-' or '.', starting with a letter, at most 128 characters (the column's length).</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>What is wrong with an attribute, whoever sets it (the bootstrap file, the dashboard); null when nothing.</summary>
    public static string? ProblemOf(string name, string value) =>
        !IsValidName(name) ? BadName : value.Length > MaxValueLength ? ValueTooLong
            : Problems.TextRules.HasControlCharacters(value) ? "the value " + Problems.TextRules.ControlCharacters : null;

    /// <summary>
    /// Attributes typed one <c>name=value</c> per line (the dashboard's form), with a problem for every line that is not
    /// one; a name given twice keeps its first value.
    /// </summary>
    public static (List<(string Name, string Value)> Attributes, List<string> Problems) ParseLines(string? text)
    {
        var attributes = new List<(string Name, string Value)>();
        var problems = new List<string>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.IndexOf('=');
            var name = at > 0 ? line[..at].Trim() : "";
            var value = at > 0 ? line[(at + 1)..].Trim() : "";
            if (!IsValidName(name))
            {
                problems.Add($"'{line}' must be name=value, the name made of letters, digits, '_', '-', '.'.");
            }
            else if (ProblemOf(name, value) is { } problem)
            {
                problems.Add($"{name}: {problem}");
            }
            else
            {
                attributes.Add((name, value));
            }
        }

        return (attributes, problems);
    }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Value { get; set; }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]{0,127}$")]
    private static partial Regex NamePattern();
}
