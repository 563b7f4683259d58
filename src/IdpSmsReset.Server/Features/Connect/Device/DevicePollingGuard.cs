using IdpSmsReset.Core.Devices;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>Answers <c>slow_down</c> to a device polling its code sooner than the interval it was given (RFC 8628 §3.5).</summary>
internal sealed class DevicePollingGuard(DevicePolling polling) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<DevicePollingGuard>()
            // Once the request is well formed, before the device code is looked up (which answers authorization_pending).
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order - 1_000)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.Request.IsDeviceCodeGrantType() && context.Request.DeviceCode is { Length: > 0 } deviceCode
            && !await polling.TryPollAsync(deviceCode, context.CancellationToken))
        {
            context.Reject(Errors.SlowDown, "The device polled sooner than the interval it was given; wait longer between polls.");
        }
    }
}
