using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Keeps OpenIddict's replay revocation where a replay means theft. OpenIddict takes any redeemed token presented again
/// for a stolen one and revokes everything issued under its authorization. That is right when a code or refresh token
/// is redeemed again at the token endpoint; it is wrong for a user code, which stands on a device's screen for anyone to
/// read and type, and for a used token shown to introspection or revocation, where nothing is redeemed. Those are
/// refused here, before OpenIddict's check, and revoke nothing. Access and ID tokens are never redeemed: they cost no read.
/// </summary>
internal sealed class RedeemedTokenGuard(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<RedeemedTokenGuard>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal || !IsRedeemedOnlyByTheTokenEndpoint(principal, context.EndpointType))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(context.TokenId!, context.CancellationToken);
        if (token is null || await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken)
            || (principal.HasTokenType(TokenTypeIdentifiers.Private.UserCode)
                && !await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken)))
        {
            context.Reject(Errors.InvalidToken, "The specified token is no longer valid.");
        }
    }

    private static bool IsRedeemedOnlyByTheTokenEndpoint(System.Security.Claims.ClaimsPrincipal principal,
        OpenIddictServerEndpointType endpoint) =>
        principal.HasTokenType(TokenTypeIdentifiers.Private.UserCode)
        || (endpoint != OpenIddictServerEndpointType.Token
            && (principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
                || principal.HasTokenType(TokenTypeIdentifiers.Private.AuthorizationCode)
                || principal.HasTokenType(TokenTypeIdentifiers.Private.DeviceCode)));
}
