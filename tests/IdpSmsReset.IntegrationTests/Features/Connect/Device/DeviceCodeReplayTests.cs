using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IdpSmsReset.IntegrationTests.Infrastructure.DeviceSteps;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Device;

/// <summary>
/// A user code is on the device's screen for anyone to read: presenting it again, by a stranger or by the person who
/// approved it (a reload, the back button, a double click), must not cancel the device's sign-in nor count as a wrong code.
/// </summary>
public abstract class DeviceCodeReplayTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task ApprovedCode_ReplayedAnonymouslyBeforeTheDevicePolled_SentToSignInAndTheDeviceStillGetsTokens()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var person = await factory.CreateSignedInBrowserAsync("alice");
        await ApproveAsync(person, codes);
        var stranger = "203.0.113." + Random.Shared.Next(1, 250);
        using var onlooker = factory.CreateBrowserFrom(stranger);

        var replayed = await onlooker.OpenAsync($"/connect/verify?user_code={codes.UserCode}&step=continue");
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var tokens = await PollAsync(device, codes.DeviceCode!);
        var refreshed = await RefreshAsync(device, tokens.RefreshToken ?? "");

        Assert.Equal("/account/login", replayed.Path);
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.False(refreshed.IsError, refreshed.Error + " " + refreshed.ErrorDescription);
        Assert.Equal((0, 0), await factory.WrongCodesFromAsync(stranger));
    }

    [SkippableFact]
    public async Task ApprovedCode_ReplayedBySomeoneSignedInAfterTheDevicePolled_ToldItIsConnectedAndTheRefreshTokenStillWorks()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var person = await factory.CreateSignedInBrowserAsync("bob");
        await ApproveAsync(person, codes);
        var tokens = await PollAsync(device, codes.DeviceCode!);
        var stranger = "203.0.113." + Random.Shared.Next(1, 250);
        using var onlooker = await factory.CreateSignedInBrowserAsync("carol", stranger);

        var replayedGet = await onlooker.OpenAsync($"/connect/verify?user_code={codes.UserCode}&step=continue");
        var refreshed = await RefreshAsync(device, tokens.RefreshToken!);

        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.Contains("This code was already used: the device is connected.", replayedGet.Text);
        Assert.Equal(codes.UserCode, replayedGet.InputValue("user_code"));
        Assert.False(refreshed.IsError, refreshed.Error + " " + refreshed.ErrorDescription);
        Assert.Equal((0, 0), await factory.WrongCodesFromAsync(stranger));
    }

    [SkippableFact]
    public async Task ApprovingPerson_ReloadsAndSubmitsTheDecisionAgain_LandsOnConnectedAndTheDeviceSignsIn()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        var address = "198.51.100." + Random.Shared.Next(1, 250);
        using var person = await factory.CreateSignedInBrowserAsync("dave", address);
        var decision = await person.SubmitAsync(await person.OpenAsync(codes.VerificationUriComplete!));

        var first = await person.SubmitAsync(decision, button: "button[value=approve]");
        var second = await person.SubmitAsync(decision, button: "button[value=approve]");
        var reloaded = await person.OpenAsync(decision.Uri.PathAndQuery);
        var tokens = await PollAsync(device, codes.DeviceCode!);
        var refreshed = await RefreshAsync(device, tokens.RefreshToken ?? "");

        Assert.Equal("/connect/verify/approved", first.Path);
        Assert.Equal("/connect/verify/approved", second.Path);
        Assert.Contains("This code was already used: the device is connected.", reloaded.Text);
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.False(refreshed.IsError, refreshed.Error + " " + refreshed.ErrorDescription);
        Assert.Equal((0, 0), await factory.WrongCodesFromAsync(address));
    }

    [SkippableFact]
    public async Task WrongCode_TypedBySomeoneSignedIn_StillCountedAndAudited()
    {
        await factory.EnsureDeviceApplicationAsync();
        var address = "192.0.2." + Random.Shared.Next(1, 250);
        using var person = await factory.CreateSignedInBrowserAsync("erin", address);

        var page = await person.OpenAsync("/connect/verify?step=continue&user_code=BBBB-CCCC");

        Assert.Contains("That code is not valid or has expired", page.Text);
        Assert.Equal((1, 1), await factory.WrongCodesFromAsync(address));
    }

    [SkippableFact]
    public async Task WrongCodes_ThirtyAtOnceFromOneAddress_ExactlyTheBudgetCounted_TheRestRefusedUnlookedUp()
    {
        await factory.EnsureDeviceApplicationAsync();
        var address = "198.18.0." + Random.Shared.Next(1, 250);
        using var person = await factory.CreateSignedInBrowserAsync("frank", address);

        var pages = await Task.WhenAll(Enumerable.Range(0, 30).Select(guess =>
            person.OpenAsync("/connect/verify?step=continue&user_code=CCCC-CC" + "BCDFGHJKLMNPQRSTVWXZ"[guess % 20] + "BCD"[guess / 20])));

        Assert.Equal((20, 20), await factory.WrongCodesFromAsync(address));
        Assert.Equal(10, pages.Count(page => page.Text.Contains("Too many wrong codes were typed from your network")));
    }

    [SkippableFact]
    public async Task Polling_WithStringsThatAreNoDeviceCode_WritesNothing()
    {
        await factory.EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var before = await DevicePollRowsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PollAsync(device, Guid.NewGuid().ToString("n"))));

        Assert.All(answers, answer => Assert.Equal("invalid_grant", answer.Error));
        Assert.Equal(before, await DevicePollRowsAsync());
    }

    private async Task<int> DevicePollRowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Core.Persistence.IdpDbContext>().Set<Core.Devices.DevicePoll>()
            .CountAsync();
    }

    [SkippableFact]
    public async Task AnyCode_ContinuedAnonymously_SentToSignInWithTheCodeKept_NothingLookedUpOrCounted()
    {
        await factory.EnsureDeviceApplicationAsync();
        var address = "192.0.2." + Random.Shared.Next(1, 250);
        using var stranger = factory.CreateBrowserFrom(address);

        var login = await stranger.OpenAsync("/connect/verify?step=continue&user_code=BBBB-CCCC");

        Assert.Equal("/account/login", login.Path);
        Assert.Contains("user_code%3DBBBB-CCCC", login.Uri.Query);
        Assert.Equal((0, 0), await factory.WrongCodesFromAsync(address));
    }
}

public sealed class DeviceCodeReplayTestsOnSqlite(SqliteIdpFactory factory) : DeviceCodeReplayTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class DeviceCodeReplayTestsOnPostgreSql(PostgreSqlIdpFactory factory) : DeviceCodeReplayTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
