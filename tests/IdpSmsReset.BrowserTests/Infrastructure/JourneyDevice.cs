using Duende.IdentityModel.Client;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>A TV or command line in a journey: asks the identity provider for codes and polls for its tokens.</summary>
public sealed class JourneyDevice(JourneyServers servers) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(servers.IdpUrl) };

    public async Task<DeviceAuthorizationResponse> RequestCodesAsync()
    {
        var codes = await _http.RequestDeviceAuthorizationAsync(new DeviceAuthorizationRequest
        {
            Address = "/connect/device", ClientId = JourneyBootstrap.DeviceClientId, Scope = "openid profile",
        });
        Assert.False(codes.IsError, codes.Error);
        return codes;
    }

    /// <summary>Polls once the interval has passed, as a device does, until the answer is no longer authorization_pending.</summary>
    public async Task<TokenResponse> PollUntilDecidedAsync(string deviceCode, TimeSpan interval)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await _http.RequestDeviceTokenAsync(new DeviceTokenRequest
            {
                Address = "/connect/token", ClientId = JourneyBootstrap.DeviceClientId, DeviceCode = deviceCode,
            });
            if (answer.Error != "authorization_pending" || attempt == 10)
            {
                return answer;
            }

            await Task.Delay(interval);
        }
    }

    /// <summary>What the device reads about its user with the access token it got.</summary>
    public Task<UserInfoResponse> UserInfoAsync(string accessToken) =>
        _http.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

    public void Dispose() => _http.Dispose();
}
