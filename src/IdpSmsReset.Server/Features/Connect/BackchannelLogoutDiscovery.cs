using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>Says in the discovery document that applications can be told of sign-outs, with the session id.</summary>
internal sealed class BackchannelLogoutDiscovery : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<BackchannelLogoutDiscovery>()
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.Metadata["backchannel_logout_supported"] = true;
        context.Metadata["backchannel_logout_session_supported"] = true;
        return ValueTask.CompletedTask;
    }
}
