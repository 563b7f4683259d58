using System.Net;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.External;

/// <summary>
/// Another instance of this server, started as a process of its own on a loopback port, as the upstream: the company's
/// older identity provider, trusted by a newer one. Its own login page, its own tokens, over real HTTP.
/// </summary>
public sealed class SisterServerUpstreamTests : IDisposable
{
    private const string ClientSecret = "sister-downstream-secret-0123456789";
    private const string Password = "sister passphrase 2026";
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-sister-").FullName;

    [SkippableFact]
    public async Task ThisServerUpstream_PersonSignsInOnItsPage_NewLinkedUserHere_ApplicationGetsTheCode()
    {
        var sisterUrl = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        using var sister = await StartSisterAsync(sisterUrl);
        using var factory = new SqliteIdpFactory();
        CorpUpstream.WriteBootstrap(factory, new JsonObject
        {
            ["name"] = "sister", ["type"] = "oidc", ["displayName"] = "Sister", ["issuer"] = sisterUrl, ["clientId"] = "downstream",
            ["clientSecret"] = ClientSecret, ["provisioning"] = IdentityProviderVocabulary.Automatic,
        });
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();

        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge, scope: "openid profile email"));
        var toSister = await browser.OpenAsync(login.Document.GetElementById("external-sister")!.GetAttribute("href")!);
        var jar = new CookieContainer();
        using var atSister = new TestBrowser(new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(sisterUrl),
        }, jar);
        var sisterLogin = await atSister.OpenAsync(toSister.ExternalRedirect!.AbsoluteUri);
        var backHere = await atSister.SubmitAsync(sisterLogin, new Dictionary<string, string>
        {
            ["Input.UserName"] = "sven", ["Input.Password"] = Password,
        });
        var home = await browser.OpenAsync(backHere.ExternalRedirect!.PathAndQuery);
        var idToken = await AuthorizationRequests.IdTokenAsync(browser, home, verifier);

        Assert.StartsWith(sisterUrl + "/account/login", sisterLogin.Uri.AbsoluteUri);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var sven = await users.FindByNameAsync("sven");
        Assert.NotNull(sven);
        Assert.Equal(("sven@example.com", "Sven Sister"), (sven.Email, sven.DisplayName));
        Assert.Equal("sister", Assert.Single(await users.GetLoginsAsync(sven)).LoginProvider);
        Assert.Equal(sven.Id, idToken.Subject);
        Assert.Equal("sister", idToken.GetClaim("idp").Value);
        Assert.Equal("fed", idToken.GetClaim("amr").Value);
    }

    private async Task<ServerProcess> StartSisterAsync(string url)
    {
        var bootstrap = Path.Combine(_directory, "bootstrap.json");
        await File.WriteAllTextAsync(bootstrap, BootstrapFile.Json(new BootstrapDocument
        {
            Applications =
            [
                BootstrapFile.CodeFlowApplication("downstream", ClientSecret, "The newer identity provider",
                    [IdpFactory.Origin + IdentityProviderVocabulary.CallbackPath("sister")], ["openid", "profile", "email"]),
            ],
            Users = [BootstrapFile.Person("sven", Password, "Sven Sister")],
        }));
        var server = ServerProcess.Start(_directory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
            ["Idp__Issuer"] = url + "/",
            ["Idp__Bootstrap__Path"] = bootstrap,
            ["Idp__Sms__Sandbox__Enabled"] = "false",
        }, "--urls", url);
        await server.WaitUntilReadyAsync(url, TimeSpan.FromSeconds(90));
        return server;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The server may hold its database a moment longer; the system cleans its temporary folder.
        }
    }
}
