using IdpSmsReset.Core.Messaging;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using MessagingService = Twilio.Rest.Messaging.V1.ServiceResource;

namespace IdpSmsReset.Sms.Twilio;

/// <summary>
/// Twilio through its own C# SDK, over an <see cref="System.Net.Http.HttpClient"/> from the host's factory (so the
/// host decides timeouts and, in tests, where "Twilio" is).
/// </summary>
public sealed class TwilioSmsChannel(System.Net.Http.HttpClient http) : ISmsChannel
{
    public async Task<SmsSendResult> SendAsync(SmsAccount account, SmsToSend message, CancellationToken cancellationToken)
    {
        var options = new CreateMessageOptions(new PhoneNumber(message.Destination))
        {
            Body = message.Body,
            StatusCallback = message.StatusCallback,
        };
        if (account.MessagingServiceSid is { Length: > 0 } service)
        {
            options.MessagingServiceSid = service;
        }
        else
        {
            options.From = new PhoneNumber(account.From);
        }

        try
        {
            var sent = await MessageResource.CreateAsync(options, Client(account));
            return new SmsSendResult.Accepted(sent.Sid, TwilioErrors.StatusOf(sent.Status?.ToString()));
        }
        catch (ApiException exception)
        {
            return TwilioErrors.Classify(exception);
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            return new SmsSendResult.Transient($"Twilio could not be reached: {exception.GetType().Name}.", SmsErrorClasses.Unreachable);
        }
    }

    public async Task<string?> FindAcceptedAsync(SmsAccount account, SmsToSend message, DateTime since,
        CancellationToken cancellationToken)
    {
        try
        {
            // The newest messages to the number; the body (which carries the code) tells ours from others.
            var recent = await MessageResource.ReadAsync(new ReadMessageOptions
            {
                To = new PhoneNumber(message.Destination), PageSize = 20, Limit = 20,
            }, Client(account));
            return recent.FirstOrDefault(sent => sent.Body?.Contains(message.Body, StringComparison.Ordinal) == true
                && (sent.DateCreated is null || sent.DateCreated.Value.ToUniversalTime() >= since.AddMinutes(-5)))?.Sid;
        }
        catch (Exception exception) when (exception is ApiException || IsConnectionFailure(exception, cancellationToken))
        {
            return null;
        }
    }

    public async Task<SmsAccountCheck> ValidateAsync(SmsAccount account, CancellationToken cancellationToken)
    {
        var client = Client(account);
        try
        {
            var found = await AccountResource.FetchAsync(pathSid: account.AccountSid, client: client);
            var status = found.Status?.ToString();
            if (status is not null && !string.Equals(status, "active", StringComparison.OrdinalIgnoreCase))
            {
                return SmsAccountCheck.Invalid($"The Twilio account {account.AccountSid} is {status}: it cannot send messages.");
            }

            if (account.MessagingServiceSid is { Length: > 0 } service)
            {
                await MessagingService.FetchAsync(pathSid: service, client: client);
                return SmsAccountCheck.Valid;
            }

            var numbers = await IncomingPhoneNumberResource.ReadAsync(phoneNumber: new PhoneNumber(account.From), client: client);
            return numbers.Any()
                ? SmsAccountCheck.Valid
                : SmsAccountCheck.Invalid($"The sender {account.From} is not a phone number of the Twilio account {account.AccountSid}.");
        }
        catch (ApiException exception)
        {
            return SmsAccountCheck.Invalid(TwilioErrors.DescribeValidationFailure(exception, account));
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            return SmsAccountCheck.Invalid($"Twilio could not be reached to check the account ({exception.GetType().Name}).");
        }
    }

    private TwilioRestClient Client(SmsAccount account) =>
        new(account.AccountSid, account.AuthToken, httpClient: new SystemNetHttpClient(http));

    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is ApiConnectionException or System.Net.Http.HttpRequestException
        || (exception is TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested);
}
