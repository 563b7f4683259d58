using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Account.SecondFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class MfaHosting
{
    /// <summary>Second factors, sessions and the account pages' services.</summary>
    public static WebApplicationBuilder AddIdpMfa(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MfaProtection>();
        services.AddSingleton<ISmsTexts>(provider => provider.GetRequiredService<AccountSmsTexts>());
        services.AddSingleton<IdpSmsReset.Core.Messaging.Templates.SmsTemplateCatalog>();
        services.AddSingleton<AccountSmsTexts>();
        services.AddHostedService<SmsTemplateRefresher>();
        services.AddScoped<IdpSmsReset.Core.Messaging.Templates.SmsTemplateStore>();
        services.AddScoped<IdpSmsReset.Core.Administration.SmsTemplateAdministration>();
        services.AddScoped<SmsChallengeService>();
        services.AddScoped<AuthenticatorService>();
        services.AddScoped<RecoveryCodeService>();
        services.AddScoped<PhoneVerificationService>();
        services.AddScoped<SecondFactorMethods>();
        services.AddScoped<SmsTwoStep>();
        services.AddScoped<SignInJourney>();
        services.AddScoped<SignInEligibility>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<IdpSmsReset.Core.Audit.AccountChanges>();
        services.AddScoped<UserPhoneNotices>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<IdpOptions>>().Value.Admin.RequireMfa
            ? new RolesRequiringSecondFactor([Features.Admin.AdminAccess.Role])
            : RolesRequiringSecondFactor.None);
        services.AddScoped<UserSessionService>();
        services.AddScoped<SessionTokens>();
        services.AddScoped<ConnectedApplications>();
        services.AddScoped<SessionCookies>();
        services.AddScoped<PendingSignIn>();
        services.AddScoped<SignInCodes>();
        services.AddScoped<SignInProgress>();
        services.AddScoped<RequiredActionProgress>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SecondFactorCheck>();
        services.AddScoped<Features.Account.Login.PasswordlessSignIn>();
        services.AddScoped<PasswordConfirmation>();
        services.AddSingleton<ProblemMessages>();
        services.AddSingleton<AccountMessages>();
        services.AddScoped<Features.Account.PhoneCodeStep>();
        services.AddScoped<AuthenticatorSetup>();

        // Ended sessions fail the cookie's periodic check like a changed security stamp does.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionValidator>());
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            // The renewed cookie is rebuilt from the user; how they signed in and which session it is must survive.
            var carried = context.CurrentPrincipal?.Claims.Where(claim => SessionCookies.CarriedClaims.Contains(claim.Type)) ?? [];
            context.NewPrincipal?.Identities.First().AddClaims(carried.Select(claim => new System.Security.Claims.Claim(claim.Type,
                claim.Value)));
            return Task.CompletedTask;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            options =>
        {
            options.Cookie.Name = "idp.pending";
            options.ExpireTimeSpan = PendingSignIn.Lifetime;
        });
        return builder;
    }
}
