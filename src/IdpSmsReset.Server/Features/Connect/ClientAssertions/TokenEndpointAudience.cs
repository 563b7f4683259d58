using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.ClientAssertions;

/// <summary>
/// Where <see cref="ClientAssertionSettings.AcceptTokenEndpointAudience"/> is on, the token endpoint's address is a valid
/// audience of a client assertion beside the issuer, which OpenIddict 7 alone accepts (see the setting for why that is
/// the default). Only that one address, compared exactly: never another endpoint's.
/// </summary>
internal sealed class TokenEndpointAudience(IOptions<IdpOptions> idp) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<TokenEndpointAudience>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateAudiences.Descriptor.Order - 500)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (idp.Value.ClientAssertions.AcceptTokenEndpointAudience && AssertionTypHeader.IsClientAssertionValidation(context))
        {
            context.ValidAudiences.Add(idp.Value.IssuerBase + OpenIddictHosting.TokenEndpoint);
        }

        return ValueTask.CompletedTask;
    }
}
