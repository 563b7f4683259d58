namespace IdpSmsReset.Core.Problems;

/// <summary>
/// What no text a person or a provisioning client types may hold: control characters (NUL above all, which
/// PostgreSQL refuses to store, so it would fail the save rather than the check).
/// </summary>
public static class TextRules
{
    public const string ControlCharacters = "must not contain control characters (such as NUL, a tab or a line break).";

    public static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);
}
