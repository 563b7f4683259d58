using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Hosting;

public static class LocalizationHosting
{
    public static readonly string[] Languages = ["en", "es", "fr"];

    /// <summary>English, Spanish and French: the relying application's <c>ui_locales</c>, then the switcher's cookie, then the browser.</summary>
    public static WebApplicationBuilder AddIdpLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(LocalizedModelErrors))))
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

    /// <summary><c>/language?culture=fr&amp;returnUrl=...</c>: the switcher remembers the choice and goes back.</summary>
    public static WebApplication MapIdpLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is not null && Languages.Contains(culture))
            {
                context.Response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            }

            return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
        });
        return app;
    }
}
