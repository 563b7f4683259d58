using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Hosting;

public static class LocalizationHosting
{
    public static readonly string[] Languages = [.. IdpSmsReset.Core.Messaging.SmsLanguage.Supported];

    /// <summary>English, Spanish and French: the relying application's <c>ui_locales</c>, then the switcher's cookie, then the
    /// browser.</summary>
    public static WebApplicationBuilder AddIdpLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(options
            => options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(LocalizedModelErrors))))
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<LocalizedModelErrors>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Languages[0]).AddSupportedCultures(Languages).AddSupportedUICultures(Languages);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new UiLocalesRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public const string LanguageCookie = "idp.language";

    /// <summary>
    /// Picks the language of each request; one the relying application asked for (<c>ui_locales</c>) is kept in the
    /// language cookie for this browser session, so the later pages of the flow (second factor, forgot password),
    /// which no longer carry the request, stay in it.
    /// </summary>
    public static WebApplication UseIdpLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IRequestCultureFeature>() is { Provider: UiLocalesRequestCultureProvider } chosen)
            {
                RememberLanguage(context, chosen.RequestCulture.UICulture.Name, forBrowserSessionOnly: true);
            }

            return next(context);
        });
        return app;
    }

    /// <summary><c>/language?culture=fr&amp;returnUrl=...</c>: the switcher remembers the choice and goes back.</summary>
    public static WebApplication MapIdpLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is not null && Languages.Contains(culture))
            {
                RememberLanguage(context, culture, forBrowserSessionOnly: false);
            }

            // The framework's own rule, as the pages' Url.IsLocalUrl: no "//host", "/\\host" or control characters.
            return Results.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        });
        return app;
    }

    /// <summary>The language cookie: for a year when the user chose with the switcher, for the browser session when an application
    /// asked.</summary>
    private static void RememberLanguage(HttpContext context, string culture, bool forBrowserSessionOnly)
    {
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
        if (context.Request.Cookies[LanguageCookie] == value && forBrowserSessionOnly)
        {
            return;
        }

        context.Response.Cookies.Append(LanguageCookie, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = forBrowserSessionOnly ? null : TimeSpan.FromDays(365),
        });
    }
}
