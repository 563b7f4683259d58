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
                var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.RequestCulture.UICulture.Name));
                if (context.Request.Cookies[LanguageCookie] != value)
                {
                    context.Response.Cookies.Append(LanguageCookie, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
                }
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
                context.Response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            }

            return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
        });
        return app;
    }
}
