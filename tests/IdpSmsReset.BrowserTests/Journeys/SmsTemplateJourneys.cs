using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>An administrator rewords the French reset SMS; a French-speaking person resetting receives the new words.</summary>
public sealed class SmsTemplateJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    private const string Template = "Votre code {code} pour {product} ({minutes}). Ne le donnez à personne.";

    [SkippableFact]
    public async Task AdministratorRewordsTheFrenchResetSms_AFrenchResetReceivesIt()
    {
        await using (var administrator = await Journey.StartAsync(servers, "administrator-rewords-the-french-reset-sms"))
        {
            await administrator.Page.GotoAsync(servers.IdpUrl + "/admin/messages/templates?purpose=reset-code&language=fr");
            await administrator.AtIdpAsync("/account/login", "administrator-sign-in");
            await administrator.TypePasswordAsync(JourneyBootstrap.AdminUserName);
            await administrator.AtIdpAsync("/admin/messages/templates", "french-reset-template");
            await administrator.Page.GetByLabel("Text", new() { Exact = true }).FillAsync(Template);
            await administrator.Page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            await administrator.AtIdpAsync("/admin/messages/templates", "template-previewed");
            await administrator.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await administrator.Page.Locator(".notice").WaitForAsync();
            await administrator.ShotAsync("template-saved");
        }

        // The server reloads its templates within a second (Idp:Cache:MaxAge).
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using var person = await Journey.StartAsync(servers, "french-reset-with-the-new-words", locale: "fr-FR");
        await person.Page.GotoAsync(servers.IdpUrl + "/account/login");
        await person.Page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await person.AtIdpAsync("/account/forgot-password", "mot-de-passe-oublie");
        await person.Page.GetByLabel("Nom d'utilisateur ou adresse e-mail").FillAsync("rosa");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await person.AtIdpAsync("/account/forgot-password/method", "comment-recevoir-le-code");
        await person.Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await person.AtIdpAsync("/account/reset-code", "saisir-le-code");
        var sms = (await servers.Twilio.WaitForMessagesToAsync(JourneyBootstrap.PhoneOf("rosa"))).Single().Form["Body"];
        var code = sms[^6..];

        var host = new Uri(servers.IdpUrl).Host;
        Assert.Equal($"Votre code {code} pour {host} (10 minutes). Ne le donnez à personne.\n\n@{host} #{code}", sms);
    }
}
