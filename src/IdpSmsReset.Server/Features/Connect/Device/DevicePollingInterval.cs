using IdpSmsReset.Core.Devices;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>Tells the device how long to wait between polls (OpenIddict leaves <c>interval</c> out: RFC 8628's default is 5 s).</summary>
internal sealed class DevicePollingInterval(IOptions<DeviceFlowOptions> options)
    : IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyDeviceAuthorizationResponseContext>()
            .UseSingletonHandler<DevicePollingInterval>()
            .SetOrder(int.MinValue + 100_000)
            .Build();

    public ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
    {
        if (context.Response.Error is null && context.Response.DeviceCode is not null)
        {
            context.Response[Parameters.Interval] = (long)options.Value.PollingInterval.TotalSeconds;
        }

        return ValueTask.CompletedTask;
    }
}
