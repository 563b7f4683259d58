using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// A small web application that signs its users in through the identity provider with ASP.NET Core's OpenID Connect
/// handler, as a customer's application would: every journey starts and ends here. Two registrations: the plain one
/// (explicit consent, default theme) and a branded one (the corporate theme, consent implied), whose sign-in can ask
/// for a language with <c>ui_locales</c>.
/// </summary>
public sealed class RelyingParty : IAsyncDisposable
{
    public const string ClientId = "journey-app";
    public const string CorporateClientId = "journey-app-corporate";
    public const string ClientSecret = "journey-app-secret-0123456789";
    public const string CorporateScheme = "corporate";

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
            .AddCookie(options => options.Cookie.Name = "journey-app")
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
        app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return new RelyingParty(app, $"http://127.0.0.1:{port}");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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
