using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using static IdpSmsReset.IntegrationTests.Infrastructure.DeviceSteps;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Device;

/// <summary>
/// A device's tokens belong to the session that approved it: a person tricked into approving an attacker's device code
/// sees the device beside that session and cuts it off by ending the session or signing out everywhere.
/// </summary>
public abstract class DeviceSessionTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task ApprovedDevice_ListedBesideTheSessionAndItsIdTokenCarriesTheSessionId()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var person = await factory.CreateSignedInBrowserAsync("frank");
        await ApproveAsync(person, codes);

        var tokens = await PollAsync(device, codes.DeviceCode!);
        var overview = await person.OpenAsync("/account/manage");
        var idToken = JsonDocument.Parse(WebEncoders.Base64UrlDecode(tokens.IdentityToken!.Split('.')[1])).RootElement;

        Assert.Equal("Living room TV", overview.Document.QuerySelector("tr[data-session] td.applications")?.TextContent.Trim());
        Assert.True(Guid.TryParse(idToken.GetProperty("sid").GetString(), out _));
    }

    [SkippableFact]
    public async Task SignOutEverywhere_AfterApprovingADevice_ItsRefreshAndAccessTokensDie()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var person = await factory.CreateSignedInBrowserAsync("grace");
        await ApproveAsync(person, codes);
        var tokens = await PollAsync(device, codes.DeviceCode!);

        await person.SubmitAsync(await person.OpenAsync("/account/manage"), formSelector: "form[action*='handler=SignOutEverywhere']");
        var refreshed = await RefreshAsync(device, tokens.RefreshToken!);
        var userInfo = await device.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = tokens.AccessToken });

        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.True(userInfo.IsError);
    }

    [SkippableFact]
    public async Task SessionEndedBeforeTheDevicePolled_TheDeviceGetsNoTokens()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var person = await factory.CreateSignedInBrowserAsync("heidi");
        await ApproveAsync(person, codes);

        using var other = await factory.CreateSignedInBrowserAsync("heidi");
        await other.SubmitAsync(await other.OpenAsync("/account/manage"), formSelector: "form[action*='handler=EndOtherSessions']");
        var tokens = await PollAsync(device, codes.DeviceCode!);

        Assert.True(tokens.IsError);
        Assert.Null(tokens.AccessToken);
    }
}

public sealed class DeviceSessionTestsOnSqlite(SqliteIdpFactory factory) : DeviceSessionTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class DeviceSessionTestsOnPostgreSql(PostgreSqlIdpFactory factory) : DeviceSessionTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
