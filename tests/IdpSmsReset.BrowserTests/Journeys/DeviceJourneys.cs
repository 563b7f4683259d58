using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>A TV asks for access; a person confirms it on the verification page, or refuses, or comes too late.</summary>
public sealed class DeviceJourneys(DeviceJourneyServers servers) : IClassFixture<DeviceJourneyServers>
{
    [SkippableFact]
    public async Task CodeTypedOnTheVerificationPage_SignInThenAllow_TheDeviceGetsItsTokens()
    {
        await using var journey = await Journey.StartAsync(servers, "device-allowed");
        using var device = new JourneyDevice(servers);
        var codes = await device.RequestCodesAsync();

        await journey.Page.GotoAsync(codes.VerificationUri!);
        await journey.AtIdpAsync("/connect/verify", "type-the-code");
        // Typed as people do: lower case, a space for the dash.
        await journey.Page.GetByLabel("Code").FillAsync(codes.UserCode!.Replace('-', ' ').ToLowerInvariant());
        await journey.ShotAsync("code-typed");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in");
        await journey.TypePasswordAsync("tom");
        await journey.AtIdpAsync("/connect/verify", "allow-the-device");
        var heading = await journey.Page.Locator("h1").TextContentAsync();
        var shownCode = await journey.Page.Locator("#user-code").TextContentAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtIdpAsync("/connect/verify/approved", "device-connected");
        var tokens = await device.PollUntilDecidedAsync(codes.DeviceCode!, TimeSpan.FromSeconds(codes.Interval));

        Assert.Equal("Journey TV wants to access your account", heading);
        Assert.Equal(codes.UserCode, shownCode!.Trim());
        Assert.Equal("Device connected", await journey.Page.Locator("h1").TextContentAsync());
        Assert.False(tokens.IsError, tokens.Error);
        Assert.NotNull(tokens.IdentityToken);
    }

    [SkippableFact]
    public async Task LinkFromTheDevice_Deny_TheDeviceIsRefused()
    {
        await using var journey = await Journey.StartAsync(servers, "device-denied", locale: "fr-FR");
        using var device = new JourneyDevice(servers);
        var codes = await device.RequestCodesAsync();

        await journey.Page.GotoAsync(codes.VerificationUriComplete!);
        await journey.AtIdpAsync("/connect/verify", "code-filled-in-french");
        var filledIn = await journey.Page.GetByLabel("Code").InputValueAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in-french");
        await journey.Page.GetByLabel("Nom d'utilisateur ou e-mail").FillAsync("tom");
        await journey.Page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(JourneyBootstrap.Password);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await journey.AtIdpAsync("/connect/verify", "deny-the-device-french");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await journey.AtIdpAsync("/connect/verify/denied", "device-refused-french");
        var refused = await device.PollUntilDecidedAsync(codes.DeviceCode!, TimeSpan.FromSeconds(codes.Interval));

        Assert.Equal(codes.UserCode, filledIn);
        Assert.Equal("Appareil refusé", await journey.Page.Locator("h1").TextContentAsync());
        Assert.Equal("access_denied", refused.Error);
    }

    [SkippableFact]
    public async Task CodeTypedAfterItExpired_ThePageSaysSoAndKeepsIt_TheDeviceIsToldItExpired()
    {
        await using var journey = await Journey.StartAsync(servers, "device-code-expired");
        using var device = new JourneyDevice(servers);
        var codes = await device.RequestCodesAsync();

        await Task.Delay(DeviceJourneyServers.CodeLifetime + TimeSpan.FromSeconds(1));
        await journey.Page.GotoAsync(codes.VerificationUri!);
        await journey.Page.GetByLabel("Code").FillAsync(codes.UserCode!);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // A code is looked up only for someone signed in.
        await journey.AtIdpAsync("/account/login", "sign-in-first");
        await journey.TypePasswordAsync("tom");
        await journey.AtIdpAsync("/connect/verify", "code-expired");
        var error = await journey.Page.Locator(".form-error[role=alert]").TextContentAsync();
        var expired = await device.PollUntilDecidedAsync(codes.DeviceCode!, TimeSpan.FromSeconds(codes.Interval));

        Assert.Equal("That code is not valid or has expired. Check the code your device shows.", error!.Trim());
        Assert.Equal(codes.UserCode, await journey.Page.GetByLabel("Code").InputValueAsync());
        Assert.Equal("expired_token", expired.Error);
    }

    [SkippableFact]
    public async Task Allowed_ThenTheDecisionPageReloaded_ThePageSaysItIsConnectedAndTheDeviceStillSignsIn()
    {
        await using var journey = await Journey.StartAsync(servers, "device-allowed-then-reloaded");
        using var device = new JourneyDevice(servers);
        var codes = await device.RequestCodesAsync();

        await journey.Page.GotoAsync(codes.VerificationUriComplete!);
        await journey.AtIdpAsync("/connect/verify", "code-filled-in");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in");
        await journey.TypePasswordAsync("bea");
        await journey.AtIdpAsync("/connect/verify", "allow-the-device");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtIdpAsync("/connect/verify/approved", "device-connected");
        await journey.Page.GoBackAsync();
        await journey.Page.ReloadAsync();
        await journey.AtIdpAsync("/connect/verify", "decision-page-reloaded");
        var told = await journey.Page.Locator(".form-error[role=alert]").TextContentAsync();
        var tokens = await device.PollUntilDecidedAsync(codes.DeviceCode!, TimeSpan.FromSeconds(codes.Interval));
        var userInfo = await device.UserInfoAsync(tokens.AccessToken ?? "");

        Assert.Equal("This code was already used: the device is connected. There is nothing more to do.", told!.Trim());
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal("bea", userInfo.TryGet("preferred_username"));
    }
}
