using System.Text.RegularExpressions;
using Microsoft.AspNetCore;
using OpenIddict.Client;
using static OpenIddict.Client.OpenIddictClientEvents;

namespace IdpSmsReset.Server.Federation;

/// <summary>
/// Each provider has its own redirect URI (<c>/connect/external/{name}/callback</c>, registered at the upstream), but
/// OpenIddict's client learns its redirection endpoints when it starts, and providers come and go at run time. This
/// handler tells it that a request to any provider's path is its redirection endpoint. The path stays as it came:
/// OpenIddict then checks it against the redirect URI that the state token remembers, so an answer for one provider
/// arriving at another's address is refused.
/// </summary>
public static partial class UpstreamCallbackRoute
{
    /// <summary>The pattern of the paths, as the endpoint is mapped.</summary>
    public const string Pattern = "/connect/external/{name}/callback";

    /// <summary>
    /// The redirection endpoint OpenIddict's client requires at start (with the code flow, it refuses to start without
    /// one). Nothing is sent there: every registration's redirect URI is its provider's own path.
    /// </summary>
    public const string StartupEndpoint = "connect/external/callback";

    public static OpenIddictClientHandlerDescriptor Descriptor { get; } = OpenIddictClientHandlerDescriptor
        .CreateBuilder<ProcessRequestContext>()
        .UseInlineHandler(context =>
        {
            if (context.EndpointType == OpenIddictClientEndpointType.Unknown
                && context.Transaction.GetHttpRequest()?.Path.Value is { } path && PerProvider().IsMatch(path))
            {
                context.EndpointType = OpenIddictClientEndpointType.Redirection;
            }

            return default;
        })
        .SetOrder(OpenIddictClientHandlers.InferEndpointType.Descriptor.Order + 1)
        .SetType(OpenIddictClientHandlerType.Custom)
        .Build();

    [GeneratedRegex("^/connect/external/[a-z0-9][a-z0-9-]{0,39}/callback$")]
    private static partial Regex PerProvider();
}
