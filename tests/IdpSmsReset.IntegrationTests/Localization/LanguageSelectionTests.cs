using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Localization;

/// <summary>The language of the hosted pages: the application's ui_locales, then the switcher, then the browser's
/// Accept-Language.</summary>
public abstract class LanguageSelectionTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task UiLocalesFrench_LoginPageInFrench()
    {
        using var browser = factory.CreateBrowser();
        var url = AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            AuthorizationRequests.NewPkce().Challenge) + "&ui_locales=fr-CA%20en";

        var login = await browser.OpenAsync(url);

        Assert.Equal("fr", login.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Se connecter", login.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Nom d'utilisateur ou e-mail", login.Document.QuerySelector("label[for='Input_UserName']")!.TextContent);
    }

    [SkippableFact]
    public async Task UiLocalesFrench_LaterPagesWithoutTheRequest_StayFrench()
    {
        using var browser = factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            AuthorizationRequests.NewPkce().Challenge) + "&ui_locales=fr");

        var later = await browser.OpenAsync("/account/forgot-password");

        Assert.Equal("fr", later.Document.DocumentElement.GetAttribute("lang"));
    }

    [SkippableFact]
    public async Task UiLocalesFrench_WrongPassword_PageStaysFrench()
    {
        using var browser = factory.CreateBrowser();
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            AuthorizationRequests.NewPkce().Challenge) + "&ui_locales=fr");

        var wrong = await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = "bob",
            ["Input.Password"] = "not the password" });

        Assert.Equal("/account/login", wrong.Path);
        Assert.Equal("Le nom d'utilisateur ou le mot de passe est incorrect.",
            wrong.Document.GetElementById("form-error")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task UiLocalesFrench_ConsentPageInFrenchAndInTheApplicationsTheme()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("carol");
        var url = AuthorizationRequests.Url(TestBootstrap.ConsentClientId, AuthorizationRequests.NewPkce().Challenge,
            scope: "openid email") + "&ui_locales=fr";

        var consent = await browser.OpenAsync(url);

        Assert.Equal("/connect/consent", consent.Path);
        Assert.Equal("Consent Web souhaite accéder à votre compte", consent.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Voir votre adresse e-mail", consent.Text);
        Assert.Equal("corporate", consent.Document.Body!.GetAttribute("data-theme"));
    }

    [SkippableFact]
    public async Task AcceptLanguageSpanish_ResetPagesInSpanish_ValidationMessagesToo()
    {
        using var browser = factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES,es;q=0.9,en;q=0.5");

        var login = await browser.OpenAsync("/account/login");
        var empty = await browser.SubmitAsync(login);

        Assert.Equal("Iniciar sesión", login.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Introduzca su usuario o su dirección de correo electrónico.", empty.FieldError("username-error"));
    }

    [SkippableFact]
    public async Task AccountPage_InTheBrowsersLanguage()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("dave");
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var account = await browser.OpenAsync("/account/manage");

        Assert.Equal("Votre compte", account.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Où vous êtes connecté", account.Text);
    }

    [SkippableFact]
    public async Task AccountPasswordPage_FrenchBrowser_PolicyRulesAndWrongPasswordInFrench()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("grace");
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = await browser.OpenAsync("/account/manage/password");

        var tooShort = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestBootstrap.Password, ["Input.NewPassword"] = "court", ["Input.ConfirmPassword"] = "court",
        });
        var wrongCurrent = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "pas le bon", ["Input.NewPassword"] = "une phrase de passe assez longue",
                ["Input.ConfirmPassword"] = "une phrase de passe assez longue",
        });

        Assert.Equal("Utilisez au moins 12 caractères ; quelques mots font un mot de passe long et facile à retenir.",
            tooShort.FieldError("new-error"));
        Assert.Equal("Le mot de passe actuel n'est pas correct.", wrongCurrent.FieldError("current-error"));
    }

    [SkippableFact]
    public async Task ErrorPage_UnknownApplicationInSpanish_ExplainedInSpanish_OAuthErrorStaysAsciiEnglish()
    {
        using var browser = factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var error = await browser.OpenAsync(AuthorizationRequests.Url("no-such-client", AuthorizationRequests.NewPkce().Challenge));

        Assert.Equal("Esta solicitud de inicio de sesión no puede continuar", error.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("La aplicación ha enviado una solicitud de inicio de sesión que este servidor no puede aceptar.", error.Text);
        Assert.Equal("invalid_request", error.Document.QuerySelector("dd code")!.TextContent);
        Assert.Matches("^[\\x20-\\x7E]+$", error.Document.QuerySelectorAll("dd")[1].TextContent.Trim());
    }

    [SkippableFact]
    public async Task HomePage_FrenchBrowser_InFrench()
    {
        using var browser = factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var home = await browser.OpenAsync("/");

        Assert.Contains("Un fournisseur d'identité OpenID Connect.", home.Text);
        Assert.Equal("Se connecter", home.Document.QuerySelector("a[href='/account/login']")!.TextContent);
    }

    [SkippableFact]
    public async Task Switcher_ChoiceRemembered_OverTheBrowsersLanguage()
    {
        using var browser = factory.CreateBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var login = await browser.OpenAsync("/account/login");
        var french = await browser.OpenAsync(login.Document.QuerySelector("nav.languages a[lang='fr']")!.GetAttribute("href")!);
        var later = await browser.OpenAsync("/account/login");

        Assert.Equal("/account/login", french.Path);
        Assert.Equal("Se connecter", later.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("true", later.Document.QuerySelector("nav.languages a[lang='fr']")!.GetAttribute("aria-current"));
    }
}

public sealed class LanguageSelectionTestsOnSqlite(SqliteIdpFactory factory) : LanguageSelectionTests(factory),
    IClassFixture<SqliteIdpFactory>;
