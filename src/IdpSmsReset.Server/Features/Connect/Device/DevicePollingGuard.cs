using IdpSmsReset.Core.Devices;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>
/// Answers <c>slow_down</c> to a device polling its code sooner than the interval it was given (RFC 8628 §3.5). It runs
/// once the client is authenticated and before OpenIddict looks the device code up (which answers
/// <c>authorization_pending</c>), and records a poll only for a device code issued to that client: any other string is
/// left to OpenIddict to refuse, and writes nothing.
/// </summary>
internal sealed class DevicePollingGuard(DevicePolling polling, IOpenIddictTokenManager tokens, IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .UseScopedHandler<DevicePollingGuard>()
            // After every client authentication handler (secret, assertion), before the device code is validated.
            .SetOrder(OpenIddictServerHandlers.ValidateDeviceCode.Descriptor.Order - 1)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.EndpointType != OpenIddictServerEndpointType.Token || context.Request is not { } request
            || !request.IsDeviceCodeGrantType() || request.DeviceCode is not { Length: > 0 } deviceCode
            || !await IsDeviceCodeOfClientAsync(deviceCode, request.ClientId, context.CancellationToken))
        {
            return;
        }

        if (!await polling.TryPollAsync(deviceCode, context.CancellationToken))
        {
            context.Reject(Errors.SlowDown, "The device polled sooner than the interval it was given; wait longer between polls.");
        }
    }

    private async Task<bool> IsDeviceCodeOfClientAsync(string deviceCode, string? clientId, CancellationToken cancellationToken) =>
        clientId is not null
        && await tokens.FindByReferenceIdAsync(deviceCode, cancellationToken) is { } token
        && await tokens.HasTypeAsync(token, TokenTypeIdentifiers.Private.DeviceCode, cancellationToken)
        && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
        && await tokens.GetApplicationIdAsync(token, cancellationToken) == await applications.GetIdAsync(application, cancellationToken);
}
