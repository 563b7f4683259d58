using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.TestSupport;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// A company's own identity provider for the server to sign people in through: node-oidc-provider (a certified OpenID
/// Provider) on a loopback port, with the accounts given, and a confidential client registered for this server.
/// </summary>
public sealed class CorpUpstream : IAsyncDisposable
{
    public const string ClientId = "idp-sms-reset";
    public const string ClientSecret = "corp-upstream-secret-0123456789";

    private readonly Process _process;

    private CorpUpstream(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    public string Issuer { get; }

    /// <param name="name">The provider's name here, which the redirect URI registered upstream carries.</param>
    /// <param name="accounts">Each account's claims by its subject; <c>amr</c> is what the upstream says it proved.</param>
    public static async Task<CorpUpstream> StartAsync(string name, IReadOnlyDictionary<string, object> accounts,
        string serverIssuer = IdpFactory.Origin)
    {
        var port = ServerProcess.FreePort();
        var process = await NodeScript.StartServerAsync("corp-upstream", "server.mjs", new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLIENT_ID"] = ClientId,
            ["CLIENT_SECRET"] = ClientSecret,
            ["REDIRECT_URI"] = serverIssuer.TrimEnd('/') + IdentityProviderVocabulary.CallbackPath(name),
            ["ACCOUNTS"] = JsonSerializer.Serialize(accounts),
        });
        return new CorpUpstream(process, $"http://127.0.0.1:{port}");
    }

    /// <summary>The bootstrap entry that makes this upstream a provider named <paramref name="name"/>.</summary>
    public JsonObject BootstrapEntry(string name, string provisioning = IdentityProviderVocabulary.Automatic,
        params string[] emailDomains) =>
        new()
        {
            ["name"] = name, ["type"] = "oidc", ["displayName"] = "Corp", ["issuer"] = Issuer, ["clientId"] = ClientId,
            ["clientSecret"] = ClientSecret, ["provisioning"] = provisioning, ["emailDomains"] = new JsonArray([.. emailDomains]),
        };

    /// <summary>Writes the test bootstrap plus <paramref name="providers"/> as <paramref name="factory"/>'s bootstrap file.</summary>
    public static void WriteBootstrap(IdpFactory factory, params JsonObject[] providers)
    {
        var document = JsonNode.Parse(TestBootstrap.Json)!.AsObject();
        document["identityProviders"] = new JsonArray([.. providers]);
        File.WriteAllText(factory.BootstrapPath, document.ToJsonString());
    }

    /// <summary>
    /// A person at the upstream's pages, from the authorization request this server sent them with: signs in as
    /// <paramref name="account"/> (or presses Cancel when null) and returns where the upstream sends them back.
    /// </summary>
    public async Task<Uri> AnswerAsync(Uri authorizationRequest, string? account)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false });
        var at = authorizationRequest;
        var response = await browser.GetAsync(at);
        for (var step = 0; step < 10; step++)
        {
            if (response.Headers.Location is { } location)
            {
                var next = new Uri(at, location);
                if (next.GetLeftPart(UriPartial.Authority) != Issuer)
                {
                    return next;
                }

                response = await browser.GetAsync(at = next);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var uid = System.Text.RegularExpressions.Regex.Match(html, "/interaction/([^/\"]+)/login").Groups[1].Value;
            Assert.True(uid.Length > 0, $"Not at the upstream's sign-in page ({(int)response.StatusCode}): {html}");
            at = new Uri($"{Issuer}/interaction/{uid}/{(account is null ? "abort" : "login")}");
            response = await browser.PostAsync(at, new FormUrlEncodedContent(account is null ? [] : [new("account", account)]));
        }

        throw new Xunit.Sdk.XunitException("The upstream never sent the person back.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
