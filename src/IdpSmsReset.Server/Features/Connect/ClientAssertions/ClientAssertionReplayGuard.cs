using IdpSmsReset.Core.Applications;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.ClientAssertions;

/// <summary>
/// OpenIddict checks a client assertion's signature, issuer, audience and expiry, but lets the same assertion through
/// again: this refuses any jti already used (RFC 7523 §3), once the assertion is otherwise valid.
/// </summary>
internal sealed class ClientAssertionReplayGuard(ClientAssertionReplays replays, TimeProvider time)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>An assertion without an expiry is kept this long (OpenIddict refuses those already; this is a floor).</summary>
    private static readonly TimeSpan DefaultKeep = TimeSpan.FromHours(1);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientAssertionReplayGuard>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientAssertionWellknownClaims.Descriptor.Order + 500)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.ClientAssertionPrincipal is not { } assertion)
        {
            return;
        }

        var clientId = assertion.GetClaim(Claims.Issuer) ?? context.ClientId ?? "";
        if (assertion.GetClaim(Claims.JwtId) is not { Length: > 0 } jti)
        {
            context.Reject(Errors.InvalidClient, "The client assertion has no jti: each must carry a unique one.");
            return;
        }

        var expiresAt = assertion.GetExpirationDate() ?? time.GetUtcNow() + DefaultKeep;
        if (!await replays.TryUseAsync(clientId, jti, expiresAt, context.CancellationToken))
        {
            context.Reject(Errors.InvalidClient, "The client assertion was already used: sign a new one for each request.");
        }
    }
}
