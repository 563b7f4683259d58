using Microsoft.Extensions.DependencyInjection.Extensions;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class IdentityHosting
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    /// <summary>How long the session cookie lives without use (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddIdpIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // The user's policy decides (PolicyPasswordValidator); Identity's own rules are switched off.
                options.Password.RequiredLength = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                // How many failures lock, and for how long, is the user's policy's (IdpUserManager).
                options.Lockout.AllowedForNewUsers = true;

                options.User.RequireUniqueEmail = false;

                // Passkeys (see IdentitySchema, which makes the same model outside the host).
                options.Stores.SchemaVersion = IdentitySchema.Version;
            })
            .AddEntityFrameworkStores<IdpDbContext>()
            .AddUserStore<IdpUserStore>()
            .AddUserManager<IdpUserManager>()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddUserValidator<UniqueEmailValidator>()
            .AddDefaultTokenProviders();
        builder.Services.AddSingleton<IPasswordRuleTexts, AccountPasswordRuleTexts>();
        builder.Services.AddScoped<PasswordRulesHint>();
        // Imported users keep the hash of the system they came from until their first sign-in (ForeignPasswordHash).
        builder.Services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<ApplicationUser>,
            Core.Users.ForeignPasswords.ForeignAwarePasswordHasher>());
        builder.Services.AddSingleton<Core.Users.ForeignPasswords.PasswordHashUpgrades>();
        builder.Services.AddHostedService<PasswordHashUpgradeWorker>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = "/error/403";
            options.Cookie.Name = "idp.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SessionLifetime;
        });

        // Identity's default of 30 minutes would leave a session alive that long after a password reset.
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<IdpOptions>>((options, idp) => options.ValidationInterval = idp.Value.Sessions.CheckInterval);

        builder.Services.AddScoped<BootstrapApplier>();
        builder.Services.AddScoped<IdpSmsReset.Core.Policies.SecurityPolicyService>();
        builder.Services.AddSingleton<DummyPasswordHash>();
        builder.Services.AddScoped<UnknownAccountGuard>();
        builder.Services.AddScoped<SignInFailures>();
        return builder;
    }
}
