using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.ForgotPassword;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.ForgotPassword;

/// <summary>The limits across accounts (Idp:PasswordReset:Limits) and the SMS factor's allowed countries, set low here.</summary>
public abstract class PasswordResetLimitsTests : TwilioBackedTests
{

    protected PasswordResetLimitsTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:PasswordReset:Limits:PerIpAddressPerHour"] = "3";
        factory.Settings["Idp:PasswordReset:Limits:PerDestinationPerHour"] = "2";
        factory.Settings["Idp:PasswordReset:Limits:PerCountryPerHour"] = "4";
    }

    [SkippableFact]
    public async Task OneAddress_FourthResetWithinTheHour_RefusedWhateverTheAccount()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US"]);
        var pages = new List<BrowserPage>();
        foreach (var login in new[] { "nobody-1", "nobody-2", "nobody-3", "uma" })
        {
            using var browser = Factory.CreateBrowserFrom("198.51.100.7");
            var start = await browser.OpenAsync("/account/forgot-password");
            pages.Add(await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = login }));
        }

        using var elsewhere = Factory.CreateBrowserFrom("198.51.100.8");
        var fromElsewhere = await elsewhere.SubmitAsync(await elsewhere.OpenAsync("/account/forgot-password"), new Dictionary<string,
            string> { ["Input.Login"] = "uma" });

        Assert.All(pages.Take(3), page => Assert.Equal("/account/forgot-password/method", page.Path));
        Assert.Equal("/account/forgot-password", pages[3].Path);
        Assert.Contains(ForgotPasswordModel.TooManyRequests, pages[3].Text);
        Assert.Equal("uma", pages[3].InputValue("Input.Login"));
        Assert.Equal("/account/forgot-password/method", fromElsewhere.Path);
    }

    [SkippableFact]
    public async Task OneAddress_ThirtyResetsAtOnce_ExactlyTheLimitStart()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US"]);
        var starts = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var browser = Factory.CreateBrowserFrom("198.51.100.30");
            var start = await browser.OpenAsync("/account/forgot-password");
            return await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = $"racer-{i}" });
        }));

        Assert.Equal(3, starts.Count(page => page.Path == "/account/forgot-password/method"));
        Assert.All(starts.Where(page => page.Path != "/account/forgot-password/method"),
            page => Assert.Contains(ForgotPasswordModel.TooManyRequests, page.Text));
    }

    [SkippableFact]
    public async Task OneIpv6Subscriber_AddressesOfOneSlash64_CountedAsOne()
    {
        var pages = new List<BrowserPage>();
        foreach (var address in new[] { "2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff::3", "2001:db8:5:6:1234:5678:9abc:def0" })
        {
            using var browser = Factory.CreateBrowserFrom(address);
            pages.Add(await browser.SubmitAsync(await browser.OpenAsync("/account/forgot-password"), new Dictionary<string,
                string> { ["Input.Login"] = "nobody" }));
        }

        using var otherSubscriber = Factory.CreateBrowserFrom("2001:db8:5:7::1");
        var other = await otherSubscriber.SubmitAsync(await otherSubscriber.OpenAsync("/account/forgot-password"), new Dictionary<string,
            string> { ["Input.Login"] = "nobody" });

        Assert.All(pages.Take(3), page => Assert.Equal("/account/forgot-password/method", page.Path));
        Assert.Contains(ForgotPasswordModel.TooManyRequests, pages[3].Text);
        Assert.Equal("/account/forgot-password/method", other.Path);
    }

    [SkippableFact]
    public async Task OneDestination_ThirdCodeWithinTheHour_NotSentEvenForAnotherAccount()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US"]);
        const string shared = "+14155557100";
        foreach (var name in new[] { "vera", "wade", "xia" })
        {
            await Factory.ChangeUserAsync(name, (users, user) => users.SetPhoneNumberAsync(user, shared));
        }

        foreach (var name in new[] { "vera", "wade", "xia" })
        {
            using var browser = Factory.CreateBrowser();
            await browser.StartResetAsync(name);
        }

        foreach (var name in new[] { "vera", "wade", "xia" })
        {
            await Factory.WaitForCodeOutcomesAsync(name);
        }

        await Twilio.WaitForMoreMessagesAsync(shared, seenBefore: 1);

        // The three jobs may run at once; which account is refused is not fixed, that one is.
        var reasons = new[] { await LastNotSentReasonAsync("vera"), await LastNotSentReasonAsync("wade"),
            await LastNotSentReasonAsync("xia") };
        Assert.Equal(2, Twilio.MessagesTo(shared).Count);
        Assert.Single(reasons, reason => reason?.Contains("codes per phone number per hour") == true);
    }

    [SkippableFact]
    public async Task OneCountry_PastItsHourlyLimit_NoMoreCodesThere()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US", "CA"]);
        string[] names = ["yann", "zoe", "abel", "beth", "cole"];
        for (var i = 0; i < names.Length; i++)
        {
            var canadian = $"+1604555{i:0000}";
            await Factory.ChangeUserAsync(names[i], (users, user) => users.SetPhoneNumberAsync(user, canadian));
            using var browser = Factory.CreateBrowser();
            await browser.StartResetAsync(names[i]);
            if (i < 4)
            {
                // One at a time, so the fifth is the one over the limit.
                await Twilio.WaitForMoreMessagesAsync(canadian, seenBefore: 0);
            }
        }

        await Factory.WaitForCodeOutcomesAsync("cole");

        Assert.Equal(4, Enumerable.Range(0, names.Length).Count(i => Twilio.MessagesTo($"+1604555{i:0000}").Count == 1));
        Assert.Contains("codes per hour to CA", await LastNotSentReasonAsync("cole"));
    }

    [SkippableFact]
    public async Task PhoneInACountryNotAllowed_NothingQueued()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US", "CA"]);
        const string french = "+33612345678";
        await Factory.ChangeUserAsync("dina", (users, user) => users.SetPhoneNumberAsync(user, french));

        using var browser = Factory.CreateBrowser();
        var page = await browser.StartResetAsync("dina");
        await Factory.WaitForCodeOutcomesAsync("dina");

        Assert.Equal("/account/reset-code", page.Path);
        Assert.Empty(Twilio.MessagesTo(french));
        Assert.Equal("SMS to FR numbers is not allowed.", await LastNotSentReasonAsync("dina"));
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<IdpSmsReset.Core.Messaging.OutboundSms>()
            .AnyAsync(sms => sms.Destination == french));
    }

    private async Task<string?> LastNotSentReasonAsync(string userName) =>
        (await Factory.AuditEventsOfAsync(userName)).LastOrDefault(e => e.Type == AuditEventTypes.PasswordResetCodeNotSent)?.Details;
}

public sealed class PasswordResetLimitsTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : PasswordResetLimitsTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class PasswordResetLimitsTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : PasswordResetLimitsTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
