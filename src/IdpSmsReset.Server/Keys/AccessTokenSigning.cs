using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// With ES256 among <c>Idp:Keys:Algorithms</c>, access tokens are signed with the ES256 key in use; every other token
/// keeps OpenIddict's choice (the RS256 key), so ID tokens stay RS256 as OpenID Connect expects.
/// </summary>
internal sealed class AccessTokenSigning(TokenKeyCredentials credentials) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<AccessTokenSigning>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken
            && credentials.Current.AccessTokenSigning is { } ecdsa)
        {
            context.SigningCredentials = ecdsa;
        }

        return ValueTask.CompletedTask;
    }
}
