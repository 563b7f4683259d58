using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// The <c>IdpSmsReset</c> meter: a sign-in, tokens, a refused token request and a reset by SMS move each instrument by
/// exactly what happened, with labels that name no person; and Prometheus can scrape it.
/// </summary>
public abstract class MetricsTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task MainJourneys_EachInstrumentMovesByWhatHappened_WithLabelsThatNameNoOne()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var recorded = new RecordedMeasurements(Factory);

        // A sign-in through the login page, its code exchanged; a service's token; a code that is not one.
        using var browser = Factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge),
            "alice"))["code"];
        using var backchannel = OidcClients.Backchannel(Factory);
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret, Code = code,
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });
        var service = await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
        });
        await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            Code = "not-a-code", RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });

        // A reset by SMS, end to end.
        var phone = TestBootstrap.PhoneOf("vera");
        using var resetting = Factory.CreateBrowser();
        var codePage = await resetting.StartResetAsync("vera");
        var resetCode = await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);
        await resetting.SetNewPasswordAsync(await resetting.SubmitResetCodeAsync(codePage, resetCode));
        await Twilio.WaitForMoreMessagesAsync(phone, seenBefore: 1);
        await recorded.WaitForAsync("idp.sms", 2);

        Assert.False(tokens.IsError, tokens.Error);
        Assert.False(service.IsError, service.Error);
        Assert.Equal(1, recorded.Sum("idp.sign_ins", ("result", "success")));
        Assert.Equal(1, recorded.Sum("idp.tokens.issued", ("grant_type", "authorization_code"), ("client_id", TestBootstrap.WebClientId)));
        Assert.Equal(1, recorded.Sum("idp.tokens.issued", ("grant_type", "client_credentials"), ("client_id",
            TestBootstrap.ServiceClientId)));
        Assert.Equal(1, recorded.Sum("idp.token_requests.refused", ("error", "invalid_grant")));
        Assert.Equal(1, recorded.Sum("idp.password_reset.steps", ("step", "requested"), ("outcome", "started")));
        Assert.Equal(1, recorded.Sum("idp.password_reset.steps", ("step", "code_sent"), ("outcome", "kept")));
        Assert.Equal(1, recorded.Sum("idp.password_reset.steps", ("step", "code_checked"), ("outcome", "accepted")));
        Assert.Equal(1, recorded.Sum("idp.password_reset.steps", ("step", "completed"), ("outcome", "done")));
        Assert.Equal(1, recorded.Sum("idp.sms", ("purpose", "password-reset"), ("status", "sent"), ("error_class", "none")));
        Assert.Equal(1, recorded.Sum("idp.sms", ("purpose", "notice"), ("status", "sent")));
        Assert.Equal(2, recorded.Count("idp.twilio.duration"));
        Assert.Equal(2, recorded.Count("idp.sms.latency"));

        // No label is a person, a number or an address.
        string[] personal = ["alice", "alice@example.com", "vera", "vera@example.com", phone, "127.0.0.1", "::1"];
        Assert.DoesNotContain(recorded.LabelValues(), value => personal.Contains(value, StringComparer.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task OutboxDepth_AfterTheSweeperCounted_ReportsTheMessagesWaiting()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Persistence.IdpDbContext>();
            var later = DateTime.UtcNow.AddMinutes(30);
            database.Add(new IdpSmsReset.Core.Messaging.OutboundSms
            {
                Id = Guid.NewGuid(), Destination = "+14155559999", Country = "US", Purpose = "test", ProtectedBody = "x",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, NextAttemptAt = later, ExpiresAt = later.AddHours(1),
            });
            await database.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Messaging.SmsOutboxSweeper>().RunAsync(CancellationToken.None);
        }

        using var recorded = new RecordedMeasurements(Factory);
        recorded.Observe();

        Assert.True(recorded.Sum("idp.outbox.depth", ("status", "queued")) >= 1);
    }

    [SkippableFact]
    public async Task MetricsPath_InDevelopment_PrometheusCanScrapeTheMeter()
    {
        using var backchannel = OidcClients.Backchannel(Factory);
        await backchannel.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
        });

        var scraped = await backchannel.GetStringAsync("/metrics");

        Assert.Contains("idp_tokens_issued_total{", scraped);
        Assert.Contains("client_id=\"service\"", scraped);
    }
}

public sealed class MetricsTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : MetricsTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class MetricsTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : MetricsTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
