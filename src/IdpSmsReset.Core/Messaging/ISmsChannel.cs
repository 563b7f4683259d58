namespace IdpSmsReset.Core.Messaging;

/// <summary>A way to send an SMS (Twilio in production, WireMock in tests, the sandbox in Development).</summary>
public interface ISmsChannel
{
    Task<SmsSendResult> SendAsync(SmsAccount account, SmsToSend message, CancellationToken cancellationToken);

    /// <summary>
    /// The provider's id of <paramref name="message"/> if the provider already accepted it since
    /// <paramref name="since"/> (an earlier attempt sent it but did not live to record it); null if not, or if the
    /// provider cannot tell (then sending again is the lesser harm).
    /// </summary>
    Task<string?> FindAcceptedAsync(SmsAccount account, SmsToSend message, DateTime since, CancellationToken cancellationToken);

    /// <summary>Checks the account with the provider: it exists, is active, and owns the sender.</summary>
    Task<SmsAccountCheck> ValidateAsync(SmsAccount account, CancellationToken cancellationToken);
}
