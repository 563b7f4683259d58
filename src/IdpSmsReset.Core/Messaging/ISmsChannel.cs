namespace IdpSmsReset.Core.Messaging;

/// <summary>A way to send an SMS (Twilio in production, WireMock in tests, the sandbox in Development).</summary>
public interface ISmsChannel
{
    Task<SmsSendResult> SendAsync(SmsAccount account, SmsToSend message, CancellationToken cancellationToken);

    /// <summary>Checks the account with the provider: it exists, is active, and owns the sender.</summary>
    Task<SmsAccountCheck> ValidateAsync(SmsAccount account, CancellationToken cancellationToken);
}
