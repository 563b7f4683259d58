using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdpSmsReset.Benchmarks;

/// <summary>
/// One person's browser without the browser: its own cookies over a shared connection pool, the anti-forgery token
/// of the forms, and the authorization code flow with PKCE as a web application runs it.
/// </summary>
public sealed partial class WebSession(HttpClient http, string baseUrl)
{
    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>Keep-alive connections shared by every session; redirects and cookies are each session's own.</summary>
    public static HttpClient CreateSharedClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 512,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    public string? FormToken { get; private set; }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Absolute(url));
        return await SendAsync(request);
    }

    /// <summary>Posts a form with the anti-forgery token the last page gave.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        return await PostAsync(url, FormToken is null ? fields : fields.Append(new("__RequestVerificationToken", FormToken)));
    }

    private async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Absolute(url)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    /// <summary>Opens a page and keeps its form's anti-forgery token; fails unless the page answered 200.</summary>
    public async Task OpenFormAsync(string url)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Expect(response, HttpStatusCode.OK, url);
        FormToken = FormTokenField().Match(html) is { Success: true } match ? match.Groups["token"].Value
            : throw new InvalidOperationException($"No form on {url}.");
    }

    /// <summary>
    /// The whole authorization code flow with PKCE as a browser runs it on any server: follow the redirects, fill in the
    /// sign-in form where one is shown, until the server sends the browser back to the application; then redeem the code.
    /// </summary>
    public async Task<JsonElement> SignInWithCodeAsync(ProviderEndpoints provider, string userName, string password, string scope)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var location = $"{provider.Authorize}?client_id={BenchmarkBootstrap.WebClientId}&response_type=code"
            + $"&redirect_uri={Uri.EscapeDataString(BenchmarkBootstrap.RedirectUri)}"
            + $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state=bench"
            + provider.AuthorizeExtras;
        for (var step = 0; !location.StartsWith(BenchmarkBootstrap.RedirectUri, StringComparison.Ordinal); step++)
        {
            if (step == 8)
            {
                throw new InvalidOperationException($"The code flow did not come back to the application; it is at {location}.");
            }

            using var response = await GetAsync(location);
            if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                location = response.Headers.Location!.ToString();
                continue;
            }

            Expect(response, HttpStatusCode.OK, location);
            var form = SignInForm.Find(await response.Content.ReadAsStringAsync(), location)
                ?? throw new InvalidOperationException($"{location} shows no sign-in form.");
            location = await RedirectFromAsync(await PostAsync(form.Action, form.FilledIn(userName, password)), "sign-in form");
        }

        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(location).Query)["code"].ToString();
        return await TokenAsync(http, baseUrl, provider.FromWebClient(
        [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", BenchmarkBootstrap.RedirectUri),
            new("code_verifier", verifier),
        ]), provider.Token);
    }

    /// <summary>Types the name and password on this server's login page; returns where the server sends the browser next.</summary>
    public async Task<string> SignInAsync(string userName, string password, string returnUrl)
    {
        var login = "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        await OpenFormAsync(login);
        return await RedirectFromAsync(await PostFormAsync(login,
        [
            new(SignInForm.UserNameField, userName), new(SignInForm.PasswordField, password), new("ReturnUrl", returnUrl),
        ]), "login");
    }

    public static async Task<JsonElement> TokenAsync(HttpClient http, string baseUrl, IEnumerable<KeyValuePair<string, string>> form,
        string path = "/connect/token")
    {
        using var response = await http.PostAsync(baseUrl + path, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"token: {(int)response.StatusCode} {body}");
    }

    public static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} instead of {(int)status}.");
        }
    }

    private async Task<string> RedirectFromAsync(HttpResponseMessage response, string what)
    {
        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                Expect(response, HttpStatusCode.Redirect, what);
            }

            return response.Headers.Location!.ToString();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        // One session may post from several tasks at once (the SMS burst); its cookies are shared between them.
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
            }
        }

        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var pair in setCookies.Select(header => header.Split(';', 2)[0].Split('=', 2)))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }

    private string Absolute(string url) => url.StartsWith("http", StringComparison.Ordinal) ? url : baseUrl + url;

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex FormTokenField();
}
