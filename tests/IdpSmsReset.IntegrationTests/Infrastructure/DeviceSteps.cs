using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>What a TV (the device) does, and what it is registered as: ask for codes, poll, refresh.</summary>
public static class DeviceSteps
{
    public const string DeviceClientId = "living-room-tv";

    public static Task EnsureDeviceApplicationAsync(this IdpFactory factory) => TestApplications.EnsureAsync(factory,
        new ApplicationDefinition
    {
        ClientId = DeviceClientId, DisplayName = "Living room TV", Type = ApplicationVocabulary.Public,
        GrantTypes = [ApplicationVocabulary.DeviceCode, ApplicationVocabulary.RefreshToken],
        Scopes = ["openid", "profile", "offline_access"],
    });

    public static async Task<DeviceAuthorizationResponse> RequestCodesAsync(HttpClient device)
    {
        var codes = await device.RequestDeviceAuthorizationAsync(new DeviceAuthorizationRequest
        {
            Address = "/connect/device", ClientId = DeviceClientId, Scope = "openid profile offline_access",
        });
        Assert.False(codes.IsError, codes.Error);
        return codes;
    }

    public static Task<TokenResponse> PollAsync(HttpClient device, string deviceCode) =>
        device.RequestDeviceTokenAsync(new DeviceTokenRequest
        {
            Address = "/connect/token", ClientId = DeviceClientId, DeviceCode = deviceCode,
        });

    public static Task<TokenResponse> RefreshAsync(HttpClient device, string refreshToken) =>
        device.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = DeviceClientId, RefreshToken = refreshToken,
        });

    /// <summary>A signed-in person opens the device's link, continues and allows; the page they end on.</summary>
    public static async Task<BrowserPage> ApproveAsync(TestBrowser person, DeviceAuthorizationResponse codes)
    {
        var decision = await person.SubmitAsync(await person.OpenAsync(codes.VerificationUriComplete!));
        var done = await person.SubmitAsync(decision, button: "button[value=approve]");
        Assert.Equal("/connect/verify/approved", done.Path);
        return done;
    }

    /// <summary>How many wrong user codes were counted, and audited, for <paramref name="address"/>.</summary>
    public static async Task<(int Counted, int Audited)> WrongCodesFromAsync(this IdpFactory factory, string address)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var network = scope.ServiceProvider.GetRequiredService<IOptions<ClientNetworkOptions>>().Value.Of(address);
        var budget = scope.ServiceProvider.GetRequiredService<IOptions<Core.Devices.DeviceFlowOptions>>().Value.WrongUserCodesPerAddress;
        return (await database.Set<LimitCount>().CountAsync(count => count.Budget == budget.Name && count.Subject == network),
            await database.Set<AuditEvent>().CountAsync(audit
                => audit.Type == AuditEventTypes.DeviceUserCodeWrong && audit.IpAddress == address));
    }
}
