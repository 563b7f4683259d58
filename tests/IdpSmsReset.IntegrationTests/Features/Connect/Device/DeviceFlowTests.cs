using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using static IdpSmsReset.IntegrationTests.Infrastructure.DeviceSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Device;

/// <summary>
/// The device authorization grant (RFC 8628) as a device and its user see it: the device asks for codes and polls,
/// the user confirms in a browser.
/// </summary>
public abstract class DeviceFlowTests(IdpFactory factory)
{
    private const string UserCodePattern = "^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$";

    [SkippableFact]
    public async Task Device_UserSignsInAndAllows_DeviceGetsTokensAfterPending()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var discovery = JsonDocument.Parse(await device.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var codes = await RequestCodesAsync(device);
        var pending = await PollAsync(device, codes.DeviceCode!);
        using var browser = factory.CreateBrowser();

        var prefilled = await browser.OpenAsync(codes.VerificationUriComplete!);
        var login = await browser.SubmitAsync(prefilled);
        var decision = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "alice", ["Input.Password"] = TestBootstrap.Password,
        });
        var done = await browser.SubmitAsync(decision, button: "button[value=approve]");
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var tokens = await PollAsync(device, codes.DeviceCode!);

        Assert.Equal(IdpFactory.Origin + "/connect/device", discovery.GetProperty("device_authorization_endpoint").GetString());
        Assert.Contains(ApplicationVocabulary.DeviceCode, discovery.GetProperty("grant_types_supported").EnumerateArray()
            .Select(grant => grant.GetString()));
        Assert.Equal(IdpFactory.Origin + "/connect/verify", codes.VerificationUri);
        Assert.Matches(UserCodePattern, codes.UserCode);
        Assert.Equal(5, codes.Interval);
        Assert.InRange(codes.ExpiresIn ?? 0, 590, 600);
        Assert.Equal("authorization_pending", pending.Error);
        Assert.Equal(codes.UserCode, prefilled.InputValue("user_code"));
        Assert.Equal("/account/login", login.Path);
        Assert.Equal("/connect/verify", decision.Path);
        Assert.Contains("Living room TV wants to access your account", decision.Text);
        Assert.Equal(codes.UserCode, decision.Document.GetElementById("user-code")?.TextContent.Trim());
        Assert.Equal("/connect/verify/approved", done.Path);
        Assert.False(tokens.IsError, tokens.Error);
        Assert.NotNull(tokens.IdentityToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal("alice", (await device.GetUserInfoAsync(new UserInfoRequest
            { Address = "/connect/userinfo", Token = tokens.AccessToken })).TryGet("preferred_username"));
        Assert.Contains(await factory.AuditEventsOfAsync("alice"), e => e.Type == Core.Audit.AuditEventTypes.DeviceApproved);
    }

    [SkippableFact]
    public async Task Verification_CodeTypedInLowerCaseWithoutDash_FindsTheRequest()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var browser = await factory.CreateSignedInBrowserAsync("bob");

        var entry = await browser.OpenAsync("/connect/verify");
        var decision = await browser.SubmitAsync(entry, new Dictionary<string, string>
        {
            ["user_code"] = " " + codes.UserCode!.Replace("-", " ").ToLowerInvariant(),
        });

        Assert.Equal("/connect/verify", decision.Path);
        Assert.True(decision.Document.GetElementById("user-code") is not null, decision.Uri + decision.Text);
        Assert.Equal(codes.UserCode, decision.Document.GetElementById("user-code")?.TextContent.Trim());
    }

    [SkippableFact]
    public async Task VerificationLink_OnlyFillsTheCodeIn_NothingLookedUpOrCounted()
    {
        await EnsureDeviceApplicationAsync();
        using var browser = factory.CreateBrowserFrom("192.0.2.77");

        var page = await browser.OpenAsync("/connect/verify?user_code=WRNG-CODE");

        Assert.Equal("WRNG-CODE", page.InputValue("user_code"));
        Assert.Null(page.Document.QuerySelector(".form-error"));
    }

    [SkippableFact]
    public async Task Approval_PostedFromAnotherSiteWithoutTheAntiforgeryToken_RefusedAndTheDeviceStillWaits()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var victim = await factory.CreateSignedInBrowserAsync("erin");

        using var forged = await victim.Client.PostAsync("/connect/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = codes.UserCode!, ["decision"] = "approve",
        }));
        var answer = await PollAsync(device, codes.DeviceCode!);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("authorization_pending", answer.Error);
    }

    [SkippableFact]
    public async Task Device_UserDenies_DeviceGetsAccessDenied()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var browser = await factory.CreateSignedInBrowserAsync("carol");

        var decision = await browser.SubmitAsync(await browser.OpenAsync(codes.VerificationUriComplete!));
        var done = await browser.SubmitAsync(decision, button: "button[value=deny]");
        var denied = await PollAsync(device, codes.DeviceCode!);
        var again = await browser.SubmitAsync(await browser.OpenAsync(codes.VerificationUriComplete!));

        Assert.Equal("/connect/verify/denied", done.Path);
        Assert.Equal("access_denied", denied.Error);
        Assert.Contains("This code was already used: the device was refused.", again.Text);
        Assert.Contains(await factory.AuditEventsOfAsync("carol"), e => e.Type == Core.Audit.AuditEventTypes.DeviceDenied);
    }

    [SkippableFact]
    public async Task Device_PollingSoonerThanTheInterval_SlowDownThenPendingOnceItHasPassed()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);

        var first = await PollAsync(device, codes.DeviceCode!);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var tooSoon = await PollAsync(device, codes.DeviceCode!);
        factory.Clock.Advance(TimeSpan.FromSeconds(3));
        var afterInterval = await PollAsync(device, codes.DeviceCode!);

        Assert.Equal("authorization_pending", first.Error);
        Assert.Equal("slow_down", tooSoon.Error);
        Assert.Equal("authorization_pending", afterInterval.Error);
    }

    [SkippableFact]
    public async Task Device_CodeOlderThanItsLifetime_ExpiredTokenAndTheUserIsToldTheCodeExpired()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        using var browser = await factory.CreateSignedInBrowserAsync("dave");

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await PollAsync(device, codes.DeviceCode!);
        var page = await browser.SubmitAsync(await browser.OpenAsync(codes.VerificationUriComplete!));

        Assert.Equal("expired_token", expired.Error);
        Assert.Contains("That code is not valid or has expired", page.Text);
        Assert.Equal(codes.UserCode, page.InputValue("user_code"));
    }

    [SkippableFact]
    public async Task Verification_WrongCodesFromOneAddress_AuditedAndRefusedPastTheLimit()
    {
        await EnsureDeviceApplicationAsync();
        using var device = OidcClients.Backchannel(factory);
        var codes = await RequestCodesAsync(device);
        var address = "203.0.113." + Random.Shared.Next(1, 250);
        using var guesser = await factory.CreateSignedInBrowserAsync("bob", address);
        using var elsewhere = factory.CreateBrowserFrom("198.51.100.7");

        for (var guess = 0; guess < 20; guess++)
        {
            await guesser.OpenAsync("/connect/verify?step=continue&user_code=BBBB-BBB" + "BCDFGHJKLMNPQRSTVWXZ"[guess]);
        }

        var refused = await guesser.OpenAsync("/connect/verify?step=continue&user_code=" + codes.UserCode);
        var fromElsewhere = await elsewhere.OpenAsync("/connect/verify?step=continue&user_code=" + codes.UserCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .CountAsync(audit => audit.Type == AuditEventTypes.DeviceUserCodeWrong && audit.IpAddress == address);

        Assert.Contains("Too many wrong codes were typed from your network", refused.Text);
        Assert.Equal(codes.UserCode, refused.InputValue("user_code"));
        // Another address is not held back: the real code takes it on to sign in.
        Assert.Equal("/account/login", fromElsewhere.Path);
        Assert.Equal(20, audited);
    }

    private Task EnsureDeviceApplicationAsync() => factory.EnsureDeviceApplicationAsync();
}

public sealed class DeviceFlowTestsOnSqlite(SqliteIdpFactory factory) : DeviceFlowTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class DeviceFlowTestsOnPostgreSql(PostgreSqlIdpFactory factory) : DeviceFlowTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
