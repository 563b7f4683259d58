using System.Globalization;
using IdpSmsReset.Server.Theming;

namespace IdpSmsReset.IntegrationTests.Theming;

/// <summary>Every theme that ships reads well: text contrast of at least 4.5:1 (WCAG 2.1 AA) wherever text sits.</summary>
public sealed class ThemeContrastTests
{
    public static TheoryData<string> ShippedThemes => [.. Directory.GetDirectories(ThemesFolder).Select(folder
        => Path.GetFileName(folder))];

    private static string ThemesFolder => Path.Combine(AppContext.BaseDirectory, "themes");

    [Theory]
    [MemberData(nameof(ShippedThemes))]
    public void Theme_TextOnEverySurface_AtLeastWcagAa(string name)
    {
        var (themes, problems) = ThemeCatalog.Load(ThemesFolder, "default");
        Assert.Empty(problems);
        var colors = themes[name].Colors;

        (string Text, string Back)[] pairs =
        [
            ("text", "surface"), ("text", "background"), ("muted", "surface"), ("accent", "surface"), ("accentText", "accent"), ("error",
                "surface"),
        ];
        foreach (var (text, back) in pairs)
        {
            var ratio = Contrast(colors[text], colors[back]);
            Assert.True(ratio >= 4.5, $"{name}: {text} {colors[text]} on {back} {colors[back]} is {ratio:0.00}:1, below 4.5:1.");
        }
    }

    // WCAG 2.1 relative luminance and contrast ratio.
    private static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }
}
