using IdpSmsReset.Core.Telemetry;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Logs every OIDC response that carries an error, whether OpenIddict refused the request (unknown client, bad
/// redirect URI, invalid grant, ...) or our own handler did (login_required, access_denied, ...): it runs where each
/// endpoint's response is applied, so no refusal goes unsaid.
/// </summary>
internal sealed class RefusedRequestLogger<TContext>(ILogger<RefusedRequestLogger<TContext>> logger, IdpMetrics metrics)
    : IOpenIddictServerHandler<TContext>
    where TContext : BaseRequestContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<RefusedRequestLogger<TContext>>()
            // After OpenIddict has turned its internal errors into what the client receives (invalid_token → invalid_grant,
            // introspection and revocation errors → their standard answers), before the response is written.
            .SetOrder(int.MinValue + 200_000)
            .Build();

    public ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.Response?.Error is not { } error)
        {
            return ValueTask.CompletedTask;
        }

        var request = context.Transaction.Request;
        var description = context.Transaction.Response.ErrorDescription;
        switch (context.EndpointType)
        {
            case OpenIddictServerEndpointType.Authorization:
                logger.AuthorizationRefused(request?.ClientId, error, description);
                break;
            case OpenIddictServerEndpointType.Token:
                logger.TokenRefused(request?.GrantType, request?.ClientId, error, description);
                metrics.TokenRequestRefused(error);
                break;
            default:
                logger.RequestRefused(context.EndpointType.ToString(), request?.ClientId, error, description);
                break;
        }

        return ValueTask.CompletedTask;
    }
}
