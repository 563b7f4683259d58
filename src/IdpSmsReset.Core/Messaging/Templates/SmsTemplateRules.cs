using System.Text.RegularExpressions;
using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>What a template must be, for the bootstrap and the dashboard alike; and what it will cost at worst.</summary>
public static partial class SmsTemplateRules
{
    public const int MaxLength = 1000;

    /// <summary>Above this many segments an administrator is warned: each is billed.</summary>
    public const int WarnAboveSegments = 2;

    public static IReadOnlyList<FieldProblem> Validate(string? purpose, string? language, string? text)
    {
        var problems = new List<FieldProblem>();
        if (purpose is null || !SmsTemplatePurposes.All.Contains(purpose))
        {
            problems.Add(new("purpose", $"must be one of {string.Join(", ", SmsTemplatePurposes.All)}."));
            return problems;
        }

        if (language is null || !SmsLanguage.Supported.Contains(language))
        {
            problems.Add(new("language", $"must be one of {string.Join(", ", SmsLanguage.Supported)}."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("text", "is required."));
            return problems;
        }

        if (text.Length > MaxLength)
        {
            problems.Add(new("text", $"must be at most {MaxLength} characters."));
        }

        var allowed = SmsTemplatePurposes.PlaceholdersOf(purpose);
        foreach (var placeholder in Placeholder().Matches(text).Select(match => match.Value).Distinct())
        {
            if (!allowed.Contains(placeholder))
            {
                problems.Add(new("text", $"{placeholder} is not a placeholder of this message; use {string.Join(", ", allowed)}."));
            }
        }

        if (SmsTemplatePurposes.CarriesCode(purpose) && !text.Contains(SmsPlaceholders.Code, StringComparison.Ordinal))
        {
            problems.Add(new("text", "must contain {code}: this message carries a code."));
        }

        // Browsers bind a code to a site by the message's "@host #code" line, which the product appends; a line of the
        // same shape, or "#" before a code, could bind the code to another site or show a second one.
        if (OriginLookAlike().IsMatch(text))
        {
            problems.Add(new("text", "must not contain a line like \"@host #code\": the product adds that line itself."));
        }

        if (HashBeforeCode().IsMatch(text))
        {
            problems.Add(new("text", "must not put # before digits or {code}: that is how a browser recognises the code's site."));
        }

        return problems;
    }

    [GeneratedRegex(@"(?m)^\s*@\S+\s+#")]
    private static partial Regex OriginLookAlike();

    [GeneratedRegex(@"#\s*(\d|\{code\})")]
    private static partial Regex HashBeforeCode();

    /// <summary>The text at its longest (every placeholder at its worst, the origin line appended), as it would be billed.</summary>
    public static (string Encoding, int Length, int Segments) WorstCase(string purpose, string text, string host) =>
        SmsSegments.Of(SmsPlaceholders.Render(purpose, text.Replace(SmsPlaceholders.Minutes,
                new string('m', SmsPlaceholders.LongestMinutes), StringComparison.Ordinal),
            new string('0', SmsPlaceholders.LongestCode), "", new string('l', SmsPlaceholders.LongestLink(host)), host));

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}
