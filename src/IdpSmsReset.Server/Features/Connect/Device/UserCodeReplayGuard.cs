using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>
/// Refuses a user code that is no longer pending before OpenIddict's token-entry check sees it. That check takes any
/// redeemed token presented again for a stolen one and revokes everything issued under its authorization; right for a
/// code or refresh token, wrong for a user code, which stands on the device's screen for anyone to read and type. The
/// verification page reads the code's state first; this closes the moment between that read and OpenIddict's.
/// </summary>
internal sealed class UserCodeReplayGuard(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<UserCodeReplayGuard>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is null || !context.Principal.HasTokenType(TokenTypeIdentifiers.Private.UserCode))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(context.TokenId!, context.CancellationToken);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The specified user code is no longer valid.");
        }
    }
}
