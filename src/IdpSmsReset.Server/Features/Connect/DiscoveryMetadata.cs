using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Server.Features.Connect.Registration;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// What the discovery document says of the features built beside OpenIddict: back-channel logout with the session id,
/// the <c>acr_values</c> an application may ask for (step-up), and the registration endpoint where registration is on.
/// </summary>
internal sealed class DiscoveryMetadata(IOptions<IdpOptions> idp, IOptions<DynamicClientRegistrationOptions> registration)
    : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryMetadata>()
            // After OpenIddict's own handlers have filled in what it supports, which this handler corrects.
            .SetOrder(int.MaxValue)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        // Accepted, as OpenID Connect allows, but not acted on: a browser here holds one account at a time, so there is
        // no account to choose among. Advertising it would promise an account chooser.
        context.PromptValues.Remove(OpenIddictConstants.PromptValues.SelectAccount);
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        context.Metadata["acr_values_supported"] = new OpenIddictParameter([.. AuthenticationContexts.Supported]);
        if (registration.Value.IsOn)
        {
            context.Metadata["registration_endpoint"] = idp.Value.IssuerBase + RegistrationEndpoints.Path;
        }

        return ValueTask.CompletedTask;
    }
}
