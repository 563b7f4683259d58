using System.Globalization;
using IdpSmsReset.Server.Theming;

namespace IdpSmsReset.IntegrationTests.Theming;

/// <summary>A theme's layout texts come from its own strings files, one per language, with strings.json as the fallback.</summary>
public sealed class ThemeLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("idp-themes-").FullName;

    [Theory]
    [InlineData("en", "Acme Corporation · Secure sign-in", "Need help? Call the Acme service desk.")]
    [InlineData("es", "Acme Corporation · Acceso seguro", "¿Necesita ayuda? Llame al servicio de asistencia de Acme.")]
    [InlineData("fr-CA", "Acme Corporation · Connexion sécurisée", "Besoin d’aide ? Appelez le service d’assistance d’Acme.")]
    public void CorporateTheme_InEachLanguage_BandAndHelpLineInThatLanguage(string culture, string band, string help)
    {
        var (themes, problems) = ThemeCatalog.Load(Path.Combine(AppContext.BaseDirectory, "themes"), "default");

        var layout = themes["corporate"].LayoutFor(CultureInfo.GetCultureInfo(culture))!;

        Assert.Empty(problems);
        Assert.Contains($">{band}<", layout.Before);
        Assert.Contains($">{help}<", layout.After);
    }

    [Fact]
    public void Layout_TextMissingFromStringsJson_ThemeRefusedNamingThePlaceholder()
    {
        WriteTheme("acme", """<p>{{text:band}}</p>{{body}}<p>{{text:help}}</p>""", """{"band": "Acme"}""");

        var (_, problems) = ThemeCatalog.Load(_root, "acme");

        Assert.Equal("Theme 'acme' in '" + _root + "' cannot be used: layout.html uses {{text:help}}, which strings.json does not"
            + " define.", Assert.Single(problems));
    }

    [Fact]
    public void Layout_TranslationLacksAKey_ThatKeyInTheFallbackAndTheTextEncoded()
    {
        WriteTheme("acme", """<p>{{text:band}}</p>{{body}}<p>{{text:help}}</p>""", """{"band": "Acme & Co", "help": "Call us"}""");
        File.WriteAllText(Path.Combine(_root, "acme", "strings.es.json"), """{"band": "Acme <y> Cía"}""");

        var (themes, _) = ThemeCatalog.Load(_root, "acme");
        var spanish = themes["acme"].LayoutFor(CultureInfo.GetCultureInfo("es"))!;
        var german = themes["acme"].LayoutFor(CultureInfo.GetCultureInfo("de"))!;

        Assert.Equal("<p>Acme &lt;y&gt; Cía</p>", spanish.Before);
        Assert.Equal("<p>Call us</p>", spanish.After);
        Assert.Equal("<p>Acme &amp; Co</p>", german.Before);
    }

    private void WriteTheme(string name, string layout, string strings)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "theme.json"), """
            {"colors": {"background": "#ffffff", "surface": "#ffffff", "text": "#000000", "muted": "#333333", "accent": "#0b5cad",
              "accentText": "#ffffff", "error": "#b3261e"}, "layout": "layout.html"}
            """);
        File.WriteAllText(Path.Combine(folder, "layout.html"), layout);
        File.WriteAllText(Path.Combine(folder, "strings.json"), strings);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
