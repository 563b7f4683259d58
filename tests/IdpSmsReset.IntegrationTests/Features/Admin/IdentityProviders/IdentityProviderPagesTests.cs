using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin.IdentityProviders;

/// <summary>The dashboard's identity providers: what an administrator sets up, what the login page then offers.</summary>
public sealed class IdentityProviderPagesTests
{
    private const string Secret = "corp-secret-never-shown-0123456789";

    [SkippableFact]
    public async Task NewProvider_Saved_RedirectUriShown_SecretNeverAgain_LoginPageOffersIt_Audited()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var form = await admin.OpenAsync("/admin/identity-providers/edit");
        var list = await admin.SubmitAsync(form, Corp());
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-provider='corp'] a")!.GetAttribute("href")!);
        var login = await factory.CreateBrowser().OpenAsync("/account/login");

        Assert.Equal("/admin/identity-providers", list.Path);
        Assert.Contains("The identity provider 'corp' was saved.", list.Text);
        Assert.Equal("http://localhost/connect/external/corp/callback",
            list.Document.QuerySelector("tr[data-provider='corp'] .redirect-uri")!.TextContent.Trim());
        Assert.Equal("http://localhost/connect/external/corp/callback", edit.Document.GetElementById("redirect-uri")!.TextContent);
        Assert.Equal("https://corp.example/", edit.InputValue("Input.Issuer"));
        Assert.DoesNotContain(Secret, edit.Html);
        Assert.Equal("", edit.InputValue("Input.ClientSecret"));
        Assert.Contains("Continue with Corp", login.Document.GetElementById("external-corp")!.TextContent);
        Assert.Single(await factory.AuditEventsOfTypeAsync(AdminEventTypes.IdentityProviderCreated));
    }

    [SkippableFact]
    public async Task BadInput_EachFieldSaysWhatToChange_WhatWasTypedKept_NothingSaved()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var form = await admin.OpenAsync("/admin/identity-providers/edit");
        var refused = await admin.SubmitAsync(form, Corp(new()
        {
            ["Input.Name"] = "Corp IdP", ["Input.Issuer"] = "http://corp.example", ["Input.EmailDomains"] = "corp example",
        }));

        Assert.Equal("/admin/identity-providers/edit", refused.Path);
        Assert.False(string.IsNullOrEmpty(refused.FieldError("name-error")));
        Assert.Contains("https", refused.FieldError("issuer-error"));
        Assert.Contains("'example' is not a domain name", refused.FieldError("email-domains-error"));
        Assert.Equal("Corp", refused.InputValue("Input.DisplayName"));
        Assert.Equal("corp example", refused.InputValue("Input.EmailDomains"));
        Assert.DoesNotContain(Secret, refused.Html);
        Assert.Null((await admin.OpenAsync("/admin/identity-providers")).Document.QuerySelector("tr[data-provider]"));
    }

    [SkippableFact]
    public async Task ProviderDisabledOnItsPage_SecretLeftBlankIsKept_LoginPageNoLongerOffersIt()
    {
        using var factory = new SqliteIdpFactory();
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        await admin.SubmitAsync(await admin.OpenAsync("/admin/identity-providers/edit"), Corp());

        var edit = await admin.OpenAsync("/admin/identity-providers/edit?name=corp");
        // An unchecked box is not sent, as a browser does; its hidden "false" is.
        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Enabled"] = "false" });
        var login = await factory.CreateBrowser().OpenAsync("/account/login");

        Assert.Contains("The identity provider 'corp' was saved.", saved.Text);
        Assert.Contains("Disabled", saved.Document.QuerySelector("tr[data-provider='corp']")!.TextContent);
        Assert.Null(login.Document.GetElementById("external-corp"));
        Assert.Equal(2, (await factory.AuditEventsOfTypeAsync(AdminEventTypes.IdentityProviderCreated)).Count
            + (await factory.AuditEventsOfTypeAsync(AdminEventTypes.IdentityProviderChanged)).Count);
    }

    private static Dictionary<string, string> Corp(Dictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "corp", ["Input.DisplayName"] = "Corp", ["Input.Issuer"] = "https://corp.example/",
            ["Input.ClientId"] = "idp-sms-reset", ["Input.ClientSecret"] = Secret, ["Input.Scopes"] = "profile email",
        };
        foreach (var (key, value) in changes ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }
}
