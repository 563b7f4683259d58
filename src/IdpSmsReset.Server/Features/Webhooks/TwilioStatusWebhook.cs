using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Sms.Twilio;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Webhooks;

/// <summary>
/// Twilio's delivery reports. The signature is checked against the public callback URL (built from Idp:Issuer, never
/// from the request) and the Auth Token of the account that sent the message (the report's AccountSid: the primary's or
/// the secondary's, each checked with its own token only) before anything is read from the database for the message.
/// </summary>
internal static class TwilioStatusWebhook
{
    public const string Path = "/webhooks/twilio/status";

    public static IEndpointRouteBuilder MapTwilioStatusWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, SmsFactorService settings, SmsProtection protection, SmsOutbox outbox, IOptions<SmsOptions> options,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TwilioStatusWebhook).FullName!);
        if (!context.Request.HasFormContentType)
        {
            logger.WebhookRefused("not a form post");
            return Results.BadRequest();
        }

        var form = (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(field => field.Key,
            field => field.Value.ToString());
        var stored = await settings.GetAsync(context.RequestAborted);
        var signature = context.Request.Headers[TwilioSignature.HeaderName].ToString();
        if (stored is null)
        {
            logger.WebhookRefused("no Twilio account is configured");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var account = AccountOf(stored, form.GetValueOrDefault("AccountSid"));
        if (TokenOf(stored, account, protection) is not { } token
            || !TwilioSignature.IsValid(options.Value.StatusCallbackUrl!, form, signature, token))
        {
            logger.WebhookRefused("the signature does not match");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!form.TryGetValue("MessageSid", out var sid) || !form.TryGetValue("MessageStatus", out var status))
        {
            logger.WebhookRefused("MessageSid or MessageStatus is missing");
            return Results.BadRequest();
        }

        form.TryGetValue("ErrorCode", out var errorCode);
        var outcome = await outbox.ApplyReportAsync(account, sid, TwilioErrors.StatusOf(status), errorCode, context.RequestAborted);
        return outcome == SmsStatusUpdate.UnknownMessage ? Results.NotFound() : Results.NoContent();
    }

    /// <summary>The account the report names: the secondary when it names the secondary's SID, else the primary.</summary>
    private static string AccountOf(SmsFactorSettings stored, string? accountSid) =>
        accountSid is not null && accountSid == stored.Secondary?.AccountSid
            ? SmsAccountNames.Secondary
            : SmsAccountNames.Primary;

    /// <summary>
    /// The token of <paramref name="account"/>; none when the Data Protection keys changed (then no report can be trusted).
    /// </summary>
    private static string? TokenOf(SmsFactorSettings stored, string account, SmsProtection protection)
    {
        try
        {
            return protection.AuthToken.Unprotect(stored.Account(account)!.ProtectedAuthToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
