using IdpSmsReset.Core.Devices;
using IdpSmsReset.Server.Features.Connect;
using IdpSmsReset.Server.Features.Connect.Device;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace IdpSmsReset.Server.Hosting;

public static class DeviceFlowHosting
{
    public const string DeviceAuthorizationEndpoint = "/connect/device";
    public const string VerificationEndpoint = "/connect/verify";

    /// <summary>The device authorization grant (RFC 8628): OpenIddict's endpoints, the verification page's rules, polling.</summary>
    public static WebApplicationBuilder AddIdpDeviceFlow(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeviceFlowOptions>()
            .BindSection(builder.Configuration, DeviceFlowOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeviceFlowOptions>, DeviceFlowOptionsValidator>();
        builder.Services.AddScoped<DevicePolling>();
        builder.Services.AddScoped<DeviceUserCodes>();

        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetDeviceAuthorizationEndpointUris(DeviceAuthorizationEndpoint)
                .SetEndUserVerificationEndpointUris(VerificationEndpoint)
                .AllowDeviceAuthorizationFlow()
                .SetUserCodeCharset([.. UserCodes.Charset])
                .SetUserCodeLength(UserCodes.Length)
                .SetUserCodeDisplayFormat("{0}{1}{2}{3}-{4}{5}{6}{7}");
            options.AddEventHandler(UserCodeNormalizer.Descriptor)
                .AddEventHandler(DevicePollingGuard.Descriptor)
                .AddEventHandler(DevicePollingInterval.Descriptor)
                .AddEventHandler(RefusedRequestLogger<OpenIddictServerEvents.ApplyDeviceAuthorizationResponseContext>.Descriptor);
            options.UseAspNetCore().EnableEndUserVerificationEndpointPassthrough();
        });
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<DeviceFlowOptions>>((server, device) =>
        {
            server.DeviceCodeLifetime = device.Value.CodeLifetime;
            server.UserCodeLifetime = device.Value.CodeLifetime;
        });
        return builder;
    }

    private sealed class DeviceFlowOptionsValidator : IValidateOptions<DeviceFlowOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeviceFlowOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
