using System.Net;
using System.Text;
using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// No request, however malformed, gets a 5xx: the client's mistake is a 400 (JSON on the OAuth endpoints). On
/// PostgreSQL too, which refuses a NUL even in a query's parameter where SQLite takes it.
/// </summary>
public abstract class MalformedRequestTests(IdpFactory factory)
{
    private const string Boundary = "----broken";

    [SkippableFact]
    public async Task EveryRoute_CorpusOfMalformedRequests_NoServerError()
    {
        using var client = factory.CreateBrowser().Client;
        var failures = new List<string>();
        foreach (var route in Routes())
        {
            foreach (var (name, request) in Corpus(route))
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name} {message.Method} {route}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// The guard once took any I/O error for an unreadable body: a page that failed reading a file of its own (a script
    /// it fingerprints, with the process out of file handles) answered an empty 400, logged nowhere.
    /// </summary>
    [SkippableFact]
    public async Task PageWithoutABodyFailingOnAFile_ErrorPageWithAReference_NotABadRequest()
    {
        using var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter, UnreadableScripts>()));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Reference:", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task QueryValueThatCannotBind_BadRequest_LoggedWithoutTheValue()
    {
        const string value = "98765432109876543210";
        using var scim = await ApiClients.WithScopeAsync(factory, "malformed-scim", "idp:scim");

        using var response = await scim.GetAsync($"/scim/v2/Users?count={value}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(factory.Logs.Entries, entry => entry.EventId == 9003);
        Assert.DoesNotContain(factory.Logs.Entries, entry => entry.AllText.Contains(value, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task TokenEndpoint_BrokenMultipart_JsonInvalidRequest()
    {
        using var client = factory.CreateBrowser().Client;

        using var response = await client.SendAsync(BrokenMultipart("/connect/token"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [SkippableFact]
    public async Task LoginPage_MoreThan1024Fields_ThemedBadRequestPage()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.Client.SendAsync(TooManyFields("/account/login"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/themes/", html);
    }

    [SkippableTheory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%09/evil.example")]
    public async Task LanguageSwitch_ReturnUrlToAnotherHost_BackHomeInstead(string returnUrl)
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.Client.GetAsync($"/language?culture=fr&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private IEnumerable<string> Routes()
    {
        var patterns = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment =>
                string.Concat(segment.Parts.Select(part => part is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal
                    ? literal.Content : "400")))));
        return patterns.Append("/admin/jobs").Append("/connect/authorize").Append("/connect/endsession").Distinct().Order();
    }

    private static IEnumerable<(string Name, Func<HttpRequestMessage> Request)> Corpus(string route)
    {
        yield return ("broken multipart", () => BrokenMultipart(route));
        yield return ("too many fields", () => TooManyFields(route));
        yield return ("oversized field", () => Form(route, "ReturnUrl=/&client_id=" + new string('a', 4_300_000)));
        yield return ("invalid percent-encoding", () => new HttpRequestMessage(HttpMethod.Get,
            route + "?ReturnUrl=%zz%E0%A4&client_id=%&ui_locales=%G1"));
        yield return ("invalid percent-encoding in a form", () => Form(route,
            "ReturnUrl=%zz%E0%A4&Input.UserName=%&__RequestVerificationToken=%"));
        yield return ("invalid UTF-8", () => new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new ByteArrayContent([.. "ReturnUrl=/connect/authorize?client_id="u8, 0xC3, 0x28, 0xFF, .. "&a=b"u8])
            {
                Headers = { ContentType = new("application/x-www-form-urlencoded") },
            },
        });
        yield return ("NUL byte", () => new HttpRequestMessage(HttpMethod.Get, route + "?ReturnUrl=/%00/x&client_id=a%00b&culture=fr%00"));
        yield return ("NUL byte in a form", () => Form(route, "ReturnUrl=%00&grant_type=%00&Input.UserName=a%00"));
        yield return ("duplicate parameters", () => new HttpRequestMessage(HttpMethod.Get,
            route + "?client_id=a&client_id=b&ReturnUrl=/a&ReturnUrl=/b&response_type=code&response_type=token&culture=fr&culture=es"));
        yield return ("duplicate form fields", () => Form(route,
            "grant_type=client_credentials&grant_type=password&ReturnUrl=/a&ReturnUrl=//b"));
        yield return ("wrong content type", () => new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent("{\"a\":",
            Encoding.UTF8, "application/json") });
        yield return ("form content type, no boundary", () => new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent("a=b", Encoding.UTF8) { Headers = { ContentType = new("multipart/form-data") } },
        });
        yield return ("huge query string", () => new HttpRequestMessage(HttpMethod.Get, route + "?ReturnUrl=/" + new string('x',
            7_000) + "&client_id=" + new string('y', 1_000)));
    }

    private static HttpRequestMessage BrokenMultipart(string route) => new(HttpMethod.Post, route)
    {
        Content = new StringContent($"--{Boundary}\r\nContent-Disposition: form-data;" +
            $" name=\"grant_type\"\r\n\r\nclient_credentials\r\n--{Boundary}\r\nContent-Dispo", Encoding.UTF8)
        {
            Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}") },
        },
    };

    private static HttpRequestMessage TooManyFields(string route) =>
        Form(route, string.Join('&', Enumerable.Range(0, 1_100).Select(i => $"f{i}=v")));

    private static HttpRequestMessage Form(string route, string body) => new(HttpMethod.Post, route)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
    };
}

/// <summary>The web root, except that reading a script fails as a process out of file handles does.</summary>
internal sealed class UnreadableScripts : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        environment.WebRootFileProvider = new Files(environment.WebRootFileProvider);
        next(app);
    };

    // Once: the page fails on its stylesheet; the error page after it reads the file.
    private sealed class Files(IFileProvider inner) : IFileProvider
    {
        private int _failures;

        public IFileInfo GetFileInfo(string subpath) =>
            subpath.EndsWith("site.css", StringComparison.Ordinal) && Interlocked.Increment(ref _failures) == 1
                ? throw new IOException("Too many open files") : inner.GetFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

        public Microsoft.Extensions.Primitives.IChangeToken Watch(string filter) => inner.Watch(filter);
    }
}

public sealed class MalformedRequestTestsOnSqlite(SqliteIdpFactory factory)
    : MalformedRequestTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class MalformedRequestTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : MalformedRequestTests(factory), IClassFixture<PostgreSqlIdpFactory>;
