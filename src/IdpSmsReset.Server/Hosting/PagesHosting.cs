using IdpSmsReset.Server.Features.Admin;

namespace IdpSmsReset.Server.Hosting;

public static class PagesHosting
{
    /// <summary>Razor Pages live beside their feature under <c>Features/</c>, each with an explicit route.</summary>
    public static WebApplicationBuilder AddIdpPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            // No admin page can forget to ask: the whole folder requires the role.
            options.Conventions.AuthorizeFolder("/Admin", AdminAccess.Policy);
        }).AddMvcOptions(options => options.Filters.Add<Features.Shared.Confirmation.ConfirmationFilter>());
        var requireMfa = IdpOptions.ReadAtRegistration(builder.Configuration).Admin.RequireMfa;
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminAccess.Policy, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(AdminAccess.Role);
                if (requireMfa)
                {
                    policy.RequireAssertion(context => AdministratorStepUp.HasSecondFactor(context.User));
                }
            });
        builder.Services.AddSingleton<AdministratorStepUp>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler>(
            services => services.GetRequiredService<AdministratorStepUp>());
        // The relying application behind /dev/try (its pages answer 404 outside Development).
        builder.Services.AddScoped<Features.Dev.Try.TryClients>();
        builder.Services.AddHttpClient<Features.Dev.Try.TryRelyingParty>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "idp.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }
}
