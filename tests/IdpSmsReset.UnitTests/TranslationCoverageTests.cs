using System.Text;
using System.Xml.Linq;

namespace IdpSmsReset.UnitTests;

/// <summary>
/// Every English text the server's pages and page models look up (<c>L["..."]</c> in a view, <c>localizer["..."]</c>
/// in code) has a Spanish and a French translation, so a page never shows one sentence in English among translated
/// ones. Keys built at run time (a Core reason, a rule's message) are not seen here; those fall back to English.
/// </summary>
public sealed class TranslationCoverageTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string Server = Path.Combine(Root, "src", "IdpSmsReset.Server");

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void ServerTexts_EveryLiteralKey_Translated(string language)
    {
        var translated = XDocument.Load(Path.Combine(Server, "Localization", $"SharedResource.{language}.resx")).Root!
            .Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = LiteralKeys().Where(key => !translated.Contains(key)).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Not translated into {language}:\n{string.Join("\n", missing)}");
    }

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Translations_TwoKeysDifferingOnlyInCase_None(string language)
    {
        // The resource compiler keeps one of two such keys and drops the other with a warning, so one of the two texts
        // showed in English.
        var clashing = XDocument.Load(Path.Combine(Server, "Localization", $"SharedResource.{language}.resx")).Root!
            .Elements("data").Select(data => (string)data.Attribute("name")!)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(names => names.Count() > 1)
            .Select(names => string.Join(" / ", names)).ToList();

        Assert.True(clashing.Count == 0, $"Keys differing only in case in {language}:\n{string.Join("\n", clashing)}");
    }

    [Fact]
    public void LiteralKeys_AdminOverview_Found()
    {
        // The scanner itself: a view's L["..."] keys, both branches of a choice, but not the arguments of a call.
        Assert.Contains("Administration", LiteralKeys());
        Assert.Contains("Switch authenticator apps off", LiteralKeys());
        Assert.Contains("Last 7 days (UTC)", LiteralKeys());
        Assert.DoesNotContain("yyyy-MM-dd HH:mm", LiteralKeys());
    }

    private static List<string> LiteralKeys()
    {
        var files = RepositoryRoot.SourceFiles(Path.Combine("src", "IdpSmsReset.Server"), "*.*");
        var keys = new List<string>();
        foreach (var file in files)
        {
            var opener = file.EndsWith(".cshtml", StringComparison.Ordinal) ? "L[" : file.EndsWith(".cs", StringComparison.Ordinal)
                ? "localizer[" : null;
            if (opener is not null)
            {
                keys.AddRange(KeysIn(File.ReadAllText(file), opener));
            }
        }

        return keys;
    }

    // The key of each lookup: the string literals before the first comma inside the opener's brackets (both branches of a
    // choice; pieces joined with +), not those inside a call's parentheses or an interpolated string.
    private static IEnumerable<string> KeysIn(string text, string opener)
    {
        for (var start = text.IndexOf(opener, StringComparison.Ordinal); start >= 0;
             start = text.IndexOf(opener, start + 1, StringComparison.Ordinal))
        {
            if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            {
                continue;
            }

            var (depth, parentheses, inKey) = (1, 0, true);
            StringBuilder? pending = null;
            for (var i = start + opener.Length; i < text.Length && depth > 0; i++)
            {
                var atTop = depth == 1 && parentheses == 0;
                switch (text[i])
                {
                    case '[': depth++; break;
                    case ']': depth--; break;
                    case '(': parentheses++; break;
                    case ')': parentheses--; break;
                    case ',' when atTop: inKey = false; break;
                    case '"':
                        var interpolated = text[i - 1] is '$' or '@';
                        var literal = new StringBuilder();
                        for (i++; i < text.Length && text[i] != '"'; i++)
                        {
                            i += text[i] == '\\' ? 1 : 0;
                            literal.Append(text[i]);
                        }

                        if (atTop && inKey && !interpolated)
                        {
                            pending = pending is null ? literal : pending.Append(literal);
                            // A literal followed by + continues the same key.
                            var next = text.AsSpan(i + 1).TrimStart();
                            if (!next.StartsWith("+"))
                            {
                                yield return pending.ToString();
                                pending = null;
                            }
                        }

                        break;
                }
            }
        }
    }
}
