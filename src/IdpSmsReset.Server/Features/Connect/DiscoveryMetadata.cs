using IdpSmsReset.Core.SignIn;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// What the discovery document says of the features built beside OpenIddict: back-channel logout with the session id,
/// and the <c>acr_values</c> an application may ask for (step-up).
/// </summary>
internal sealed class DiscoveryMetadata : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<DiscoveryMetadata>()
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        context.Metadata["acr_values_supported"] = new OpenIddictParameter([.. AuthenticationContexts.Supported]);
        return ValueTask.CompletedTask;
    }
}
