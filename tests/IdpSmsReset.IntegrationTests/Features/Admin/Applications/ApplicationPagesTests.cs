using IdpSmsReset.Core.Administration;
using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Applications;

/// <summary>OIDC applications on /admin/applications: what an administrator does there, as the application then sees it.</summary>
public abstract class ApplicationPagesTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task NewApplication_BadInputSaid_ThenSecretShownOnceAndWorks_RotatedOldOneFails_DeletedNothingWorks()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/applications/edit");

        var refused = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "reports", ["Input.Type"] = "public", ["Input.GrantTypes"] = "client_credentials",
                ["Input.PostLogoutRedirectUris"] = "not a uri",
        }, formSelector: "form[action*='handler=Save']");
        var created = await admin.SubmitAsync(refused, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "reports", ["Input.Type"] = "confidential", ["Input.GrantTypes"] = "client_credentials",
                ["Input.PostLogoutRedirectUris"] = "",
        }, formSelector: "form[action*='handler=Save']");
        var secret = created.Document.GetElementById("client-secret")!.TextContent;
        var first = await TokenAsync("reports", secret);
        var edit = await admin.OpenAsync("/admin/applications/edit?clientId=reports");
        var rotated = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=RotateSecret']"));
        var newSecret = rotated.Document.GetElementById("client-secret")!.TextContent;
        var withOld = await TokenAsync("reports", secret);
        var withNew = await TokenAsync("reports", newSecret);
        var list = await admin.OpenAsync("/admin/applications");
        var confirmation = await admin.SubmitAsync(list, formSelector: "tr[data-client='reports'] form");
        var tokenBeforeConfirming = await TokenAsync("reports", newSecret);
        await admin.ConfirmAsync(confirmation);
        var afterDelete = await TokenAsync("reports", newSecret);

        Assert.Equal("client_credentials needs a confidential application.", refused.FieldError("grants-error"));
        Assert.Equal("'not a uri' is not an absolute URI.", refused.FieldError("logout-error"));
        Assert.Equal("not a uri", refused.Document.QuerySelector("textarea[name='Input.PostLogoutRedirectUris']")!.TextContent.Trim());
        Assert.False(first.IsError, first.Error);
        Assert.Null(edit.Document.GetElementById("client-secret"));
        Assert.DoesNotContain(secret, edit.Html);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, withOld.HttpStatusCode);
        Assert.False(withNew.IsError, withNew.Error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, afterDelete.HttpStatusCode);
        Assert.False(tokenBeforeConfirming.IsError, tokenBeforeConfirming.Error);
        Assert.Contains("every token issued to it stops working", confirmation.Document.GetElementById("confirmation-what")!.TextContent);
        foreach (var type in new[] { AdminEventTypes.ApplicationCreated, AdminEventTypes.ApplicationSecretRotated,
            AdminEventTypes.ApplicationDeleted })
        {
            var audited = Assert.Single(await factory.AuditEventsOfTypeAsync(type),
                e => (e.Details ?? "").Contains("\"clientId\":\"reports\""));
            Assert.Equal(TestBootstrap.AdminUserName, audited.Actor);
            Assert.DoesNotContain(secret, audited.Details);
            Assert.DoesNotContain(newSecret, audited.Details);
        }
    }

    [SkippableFact]
    public async Task NewApplicationWithPublicKeys_PrivatePartRefusedKeepingTheText_ThenNoSecretAndItsAssertionsWork()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var form = await admin.OpenAsync("/admin/applications/edit");
        const string withPrivatePart = """{"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB", "d": "private"}]}""";

        var refused = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ClientId"] = "signed-reports", ["Input.Type"] = "confidential", ["Input.GrantTypes"] = "client_credentials",
            ["Input.JsonWebKeySet"] = withPrivatePart,
        }, formSelector: "form[action*='handler=Save']");
        var created = await admin.SubmitAsync(refused, new Dictionary<string, string>
        {
            ["Input.JsonWebKeySet"] = Connect.PrivateKeyJwtTests.PublicKeySet(key),
        }, formSelector: "form[action*='handler=Save']");
        using var service = OidcClients.Backchannel(factory);
        var tokens = await service.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = "signed-reports", ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = new ClientAssertion
            {
                Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                Value = Connect.PrivateKeyJwtTests.Assertion(IdpFactory.Origin + "/", key, "signed-reports"),
            },
        });
        var edit = await admin.OpenAsync("/admin/applications/edit?clientId=signed-reports");

        Assert.Equal("keys[0] holds a private key part ('d'): register the public key only.", refused.FieldError("jwks-error"));
        Assert.Equal(withPrivatePart, refused.Document.QuerySelector("textarea[name='Input.JsonWebKeySet']")!.TextContent.Trim());
        Assert.Null(created.Document.GetElementById("client-secret"));
        Assert.False(tokens.IsError, tokens.Error);
        Assert.Contains("service-key-1", edit.Document.QuerySelector("textarea[name='Input.JsonWebKeySet']")!.TextContent);
    }

    [SkippableFact]
    public async Task EditRedirectUris_TheApplicationCanUseTheNewOneOnly()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var edit = await admin.OpenAsync("/admin/applications/edit?clientId=" + TestBootstrap.ConsentClientId);

        var saved = await admin.SubmitAsync(edit, new Dictionary<string,
            string> { ["Input.RedirectUris"] = "https://rp.example/new-callback" },
            formSelector: "form[action*='handler=Save']");
        using var browser = factory.CreateBrowser();
        var oldUri = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.ConsentClientId,
            AuthorizationRequests.NewPkce().Challenge));
        var newUri = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.ConsentClientId,
            AuthorizationRequests.NewPkce().Challenge, redirectUri: "https://rp.example/new-callback"));

        Assert.Contains($"The application '{TestBootstrap.ConsentClientId}' was saved.", saved.Text);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, oldUri.Status);
        Assert.Equal("/account/login", newUri.Path);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(AdminEventTypes.ApplicationChanged),
            e => (e.Details ?? "").Contains("https://rp.example/new-callback"));
    }

    private async Task<TokenResponse> TokenAsync(string clientId, string secret)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        return await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret,
        });
    }
}

public sealed class ApplicationPagesTestsOnSqlite(SqliteIdpFactory factory) : ApplicationPagesTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class ApplicationPagesTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ApplicationPagesTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
