using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// A small web application that signs its users in through the identity provider with ASP.NET Core's OpenID Connect
/// handler, as a customer's application would: every journey starts and ends here. Two registrations: the plain one
/// (explicit consent, default theme) and a branded one (the corporate theme, consent implied), whose sign-in can ask
/// for a language with <c>ui_locales</c>. The plain one also takes back-channel logouts: it validates each Logout
/// Token as the specification asks (signature against the JWKS, <c>iss</c>, <c>aud</c>, <c>typ</c>, the event, a
/// <c>sid</c>, no <c>nonce</c>) and signs out the cookie of that session at its next request.
/// </summary>
public sealed class RelyingParty : IAsyncDisposable
{
    public const string ClientId = "journey-app";
    public const string CorporateClientId = "journey-app-corporate";
    public const string ClientSecret = "journey-app-secret-0123456789";
    public const string CorporateScheme = "corporate";
    public const string BackchannelLogoutPath = "/backchannel-logout";

    // The sessions the identity provider said have ended (sid), and the Logout Tokens refused, for the journeys to read.
    private static readonly ConcurrentDictionary<string, bool> EndedSessions = new();

    private readonly WebApplication _app;

    private RelyingParty(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<RelyingParty> StartAsync(int port, string issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "journey-app";
                options.Events.OnValidatePrincipal = async context =>
                {
                    if (context.Principal?.FindFirst("sid")?.Value is { } sid && EndedSessions.ContainsKey(sid))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddOpenIdConnect(options => Configure(options, issuer, ClientId, "/signin-oidc", "/signout-callback-oidc"))
            .AddOpenIdConnect(CorporateScheme, options => Configure(options, issuer, CorporateClientId, "/signin-corporate",
                "/signout-callback-corporate"));

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", (HttpContext context) => Results.Content(Home(context.User), "text/html"));
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }));
        app.MapGet("/signin-branded", (string? lang) =>
        {
            var properties = new AuthenticationProperties { RedirectUri = "/" };
            if (lang is not null)
            {
                properties.Items[OpenIdConnectParameterNames.UiLocales] = lang;
            }

            return Results.Challenge(properties, [CorporateScheme]);
        });
        MapSinglePageApplication(app, issuer);
        app.MapPost(BackchannelLogoutPath, async (HttpContext context, IOptionsMonitor<OpenIdConnectOptions> oidc) =>
            await ReceiveLogoutTokenAsync(context, oidc.Get(OpenIdConnectDefaults.AuthenticationScheme))).DisableAntiforgery();
        app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return new RelyingParty(app, $"http://127.0.0.1:{port}");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The single-page application's client id: public, PKCE, its pages under <c>/spa/</c>.</summary>
    public const string SpaClientId = "journey-spa";

    /// <summary>
    /// The single-page application, on this origin under <c>/spa/</c>: its pages from <c>Interop/oidc-client-ts</c> and
    /// the library itself from that folder's packages, as a developer would ship them.
    /// </summary>
    private static void MapSinglePageApplication(WebApplication app, string issuer)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "IdpSmsReset.BrowserTests", "Interop", "oidc-client-ts");
        var files = new Dictionary<string, (string Path, string Type)>
        {
            ["index.html"] = (Path.Combine(folder, "index.html"), "text/html"),
            ["callback.html"] = (Path.Combine(folder, "callback.html"), "text/html"),
            ["app.js"] = (Path.Combine(folder, "app.js"), "text/javascript"),
            ["oidc-client-ts.js"] = (Path.Combine(folder, "node_modules", "oidc-client-ts", "dist", "browser", "oidc-client-ts.js"),
                "text/javascript"),
        };
        app.MapGet("/spa/config.js", () => Results.Text($"window.idpIssuer = {JsonSerializer.Serialize(issuer)};", "text/javascript"));
        app.MapGet("/spa/{file}", async (string file) =>
        {
            if (!files.TryGetValue(file, out var found))
            {
                return Results.NotFound();
            }

            await NpmPackages.EnsureInstalledAsync(folder);
            return Results.Text(await File.ReadAllTextAsync(found.Path), found.Type);
        });
    }

    private static async Task<IResult> ReceiveLogoutTokenAsync(HttpContext context, OpenIdConnectOptions oidc)
    {
        var form = await context.Request.ReadFormAsync();
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["logout_token"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidTypes = ["logout+jwt"],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token
            || !token.TryGetPayloadValue<JsonElement>("events", out var events)
            || !events.TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _)
            || !token.TryGetPayloadValue<string>("sid", out var sid) || token.TryGetPayloadValue<string>("nonce", out _))
        {
            return Results.BadRequest();
        }

        EndedSessions[sid] = true;
        return Results.Ok();
    }

    private static void Configure(OpenIdConnectOptions options, string issuer, string clientId, string callback, string signedOutCallback)
    {
        options.Authority = issuer;
        options.RequireHttpsMetadata = false;
        options.ClientId = clientId;
        options.ClientSecret = ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.CallbackPath = callback;
        options.SignedOutCallbackPath = signedOutCallback;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        // The session id stays on the cookie: a back-channel logout names the session by it.
        options.ClaimActions.Remove("sid");
        options.Events.OnRedirectToIdentityProvider = context =>
        {
            if (context.Properties.Items.TryGetValue(OpenIdConnectParameterNames.UiLocales, out var languages))
            {
                context.ProtocolMessage.UiLocales = languages;
            }

            return Task.CompletedTask;
        };
    }

    private static string Home(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? $"""
          <!DOCTYPE html><html lang="en"><head><title>Journey app</title></head><body>
          <h1 id="greeting">Hello, {WebUtility.HtmlEncode(user.Identity.Name)}</h1>
          <a id="signout" href="/signout">Sign out</a></body></html>
          """
        : """
          <!DOCTYPE html><html lang="en"><head><title>Journey app</title></head><body>
          <h1 id="greeting">Journey app</h1>
          <a id="signin" href="/signin">Sign in</a>
          <a id="signin-branded" href="/signin-branded?lang=fr">Se connecter (corporate)</a></body></html>
          """;
}
