using System.Net;
using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Webhooks;

/// <summary>Delivery reports as Twilio posts them: signed with HMAC-SHA1 of the public URL and the sorted fields.</summary>
public abstract class TwilioStatusWebhookTests(IdpFactory factory)
{
    private const string CallbackUrl = "http://localhost/webhooks/twilio/status";
    private const string Token = "webhook-test-token";
    private const string SecondaryToken = "webhook-secondary-token";

    [SkippableFact]
    public async Task SignedReports_MoveTheStatusForwardOnly()
    {
        var sid = await SeedSentMessageAsync();

        var delivered = await PostAsync(Report(sid, "delivered"), sign: true);
        var lateSent = await PostAsync(Report(sid, "sent"), sign: true);
        var replayed = await PostAsync(Report(sid, "delivered"), sign: true);

        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, lateSent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, replayed.StatusCode);
        Assert.Equal(OutboundSmsStatus.Delivered, (await MessageAsync(sid)).Status);
    }

    [SkippableFact]
    public async Task UndeliveredReport_RecordsTheErrorCode()
    {
        var sid = await SeedSentMessageAsync();

        await PostAsync(Report(sid, "undelivered", errorCode: "30003"), sign: true);

        var message = await MessageAsync(sid);
        Assert.Equal(OutboundSmsStatus.Undelivered, message.Status);
        Assert.Equal("Delivery failed (Twilio error 30003).", message.LastError);
    }

    [SkippableFact]
    public async Task UnsignedOrWronglySignedReports_AreRefusedAndChangeNothing()
    {
        var sid = await SeedSentMessageAsync();

        var unsigned = await PostAsync(Report(sid, "delivered"), sign: false);
        var forged = await PostAsync(Report(sid, "delivered"), sign: true, token: "not-the-token");
        var tampered = await PostAsync(Report(sid, "failed"), sign: true, signedFields: Report(sid, "delivered"));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(OutboundSmsStatus.Sent, (await MessageAsync(sid)).Status);
    }

    [SkippableFact]
    public async Task SignedReportForAnUnknownMessage_IsRefused()
    {
        await SeedSentMessageAsync();

        var response = await PostAsync(Report("SM" + new string('f', 32), "delivered"), sign: true);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task ReportFromTheSecondaryAccount_VerifiedWithItsOwnTokenOnly()
    {
        var sid = await SeedSentMessageAsync(SmsAccountNames.Secondary);
        var fromSecondary = Report(sid, "delivered", accountSid: FakeTwilio.SecondaryAccountSid);

        var withPrimaryToken = await PostAsync(fromSecondary, sign: true, token: Token);
        var withItsToken = await PostAsync(fromSecondary, sign: true, token: SecondaryToken);

        Assert.Equal(HttpStatusCode.Forbidden, withPrimaryToken.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withItsToken.StatusCode);
        Assert.Equal(OutboundSmsStatus.Delivered, (await MessageAsync(sid)).Status);
    }

    [SkippableFact]
    public async Task ReportVerifiedWithTheSecondarysToken_AboutAMessageThePrimarySent_MovesNothing()
    {
        var sid = await SeedSentMessageAsync(SmsAccountNames.Primary);

        var crossed = await PostAsync(Report(sid, "undelivered", "30003", accountSid: FakeTwilio.SecondaryAccountSid), sign: true,
            token: SecondaryToken);

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(OutboundSmsStatus.Sent, (await MessageAsync(sid)).Status);
    }

    private static Dictionary<string, string> Report(string sid, string status, string? errorCode = null,
        string accountSid = FakeTwilio.AccountSid)
    {
        var fields = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = status,
            ["AccountSid"] = accountSid };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(
        Dictionary<string, string> fields, bool sign, string token = Token, Dictionary<string, string>? signedFields = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/webhooks/twilio/status") { Content = new FormUrlEncodedContent(fields) };
        if (sign)
        {
            request.Headers.Add("X-Twilio-Signature", Signature(signedFields ?? fields, token));
        }

        return await client.SendAsync(request);
    }

    /// <summary>Twilio's scheme, written out here so that the test does not trust the code it tests.</summary>
    private static string Signature(Dictionary<string, string> fields, string token)
    {
        var data = new StringBuilder(CallbackUrl);
        foreach (var (key, value) in fields.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        // Twilio signs its webhooks with HMAC-SHA1; the test must sign as Twilio does.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private async Task<string> SeedSentMessageAsync(string account = SmsAccountNames.Primary)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var protection = scope.ServiceProvider.GetRequiredService<SmsProtection>();
        if (!await database.Set<SmsFactorSettings>().AnyAsync())
        {
            database.Add(new SmsFactorSettings
            {
                Primary = new TwilioAccount
                {
                    AccountSid = FakeTwilio.AccountSid, ProtectedAuthToken = protection.AuthToken.Protect(Token), From = FakeTwilio.From,
                    ValidatedAt = DateTime.UtcNow,
                },
                Secondary = new TwilioAccount
                {
                    AccountSid = FakeTwilio.SecondaryAccountSid, ProtectedAuthToken = protection.AuthToken.Protect(SecondaryToken),
                    From = FakeTwilio.SecondaryFrom, ValidatedAt = DateTime.UtcNow,
                },
            });
        }

        var sid = "SM" + Guid.NewGuid().ToString("n");
        database.Add(new OutboundSms
        {
            Id = Guid.NewGuid(), Destination = "+14155550150", Country = "US", Purpose = SmsPurposes.Test,
            ProtectedBody = protection.Body.Protect("seeded"), Status = OutboundSmsStatus.Sent, TwilioSid = sid, Account = account,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddMinutes(10),
        });
        await database.SaveChangesAsync();
        return sid;
    }

    private async Task<OutboundSms> MessageAsync(string sid)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>().AsNoTracking().SingleAsync(message
            => message.TwilioSid == sid);
    }
}

public sealed class TwilioStatusWebhookTestsOnSqlite(SqliteIdpFactory factory) : TwilioStatusWebhookTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class TwilioStatusWebhookTestsOnPostgreSql(PostgreSqlIdpFactory factory) : TwilioStatusWebhookTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
