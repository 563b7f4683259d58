using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account.Passkeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class PasskeysHosting
{
    /// <summary>
    /// Passkeys (WebAuthn) through Identity 10's handler. The relying party is the issuer's host, never the request's,
    /// and only the issuer's origin may answer: a passkey made for this server cannot be used through another name.
    /// </summary>
    public static WebApplicationBuilder AddIdpPasskeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<IdpOptions>>((passkeys, idp) =>
        {
            if (idp.Value.Issuer is null)
            {
                // Development without an issuer: the address the server listens on, as for the tokens' issuer.
                return;
            }

            var issuer = idp.Value.IssuerUri;
            var origin = issuer.GetLeftPart(UriPartial.Authority);
            passkeys.ServerDomain = issuer.Host;
            passkeys.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin
                && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
        });
        builder.Services.Configure<IdentityPasskeyOptions>(passkeys =>
        {
            // Discoverable: passwordless sign-in and the browser's autofill find the passkey without a name typed.
            passkeys.ResidentKeyRequirement = "required";
            passkeys.UserVerificationRequirement = "preferred";
        });

        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<IPasskeyHandler<ApplicationUser>, PasskeyHandler<ApplicationUser>>();
        builder.Services.AddSingleton<PasskeyCeremonyState>();
        builder.Services.AddScoped<PasskeyCeremonies>();
        builder.Services.AddScoped<PasskeyUseLog>();
        builder.Services.AddScoped<PasskeyChanges>();
        builder.Services.AddSingleton<PasswordlessAvailability>();
        return builder;
    }
}
