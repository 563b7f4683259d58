using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Server.Features.Account.ForgotPassword;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class PasswordResetHosting
{
    /// <summary>"Forgot password" by SMS: the flow, its background job and its limits.</summary>
    public static WebApplicationBuilder AddIdpPasswordReset(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PasswordResetLimits>()
            .BindSection(builder.Configuration, PasswordResetLimits.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PasswordResetLimits>, PasswordResetLimitsValidator>();

        builder.Services.AddSingleton<PasswordResetAvailability>();
        builder.Services.AddSingleton(services => new IdpUrls(services.GetRequiredService<IOptions<IdpOptions>>().Value.IssuerUri));
        builder.Services.AddScoped<PasswordResetStarter>();
        builder.Services.AddScoped<PasswordResetService>();
        builder.Services.AddScoped<PasswordResetStateMachine>();
        builder.Services.AddScoped<PasswordResetCompletion>();
        builder.Services.AddScoped<PasswordResetCodeJob>();
        builder.Services.AddScoped<PasswordResetEligibility>();
        builder.Services.AddScoped<ResetSuspensions>();
        builder.Services.AddScoped<ResetFlowCookie>();
        return builder;
    }

    /// <summary>Names each setting out of range, rather than the section as a whole.</summary>
    private sealed class PasswordResetLimitsValidator : IValidateOptions<PasswordResetLimits>
    {
        public ValidateOptionsResult Validate(string? name, PasswordResetLimits options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
