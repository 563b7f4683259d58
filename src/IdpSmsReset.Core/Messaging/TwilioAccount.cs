namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// One Twilio account the SMS factor sends through, as stored: the auth token only as Data Protection ciphertext (never
/// shown back), a sender (a phone number or a Messaging Service), and Twilio's verdict at the last validation. The
/// primary and the secondary account are both one of these.
/// </summary>
public sealed class TwilioAccount
{
    public required string AccountSid { get; set; }

    public required string ProtectedAuthToken { get; set; }

    /// <summary>The sending phone number (E.164); null when a Messaging Service sends.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    public DateTime? ValidatedAt { get; set; }

    public string? LastValidationError { get; set; }

    /// <summary>Twilio accepted the account at its last validation.</summary>
    public bool IsUsable => ValidatedAt is not null && LastValidationError is null;

    /// <summary>What the channel sends with, once the token is decrypted.</summary>
    public SmsAccount WithToken(string authToken) => new(AccountSid, authToken, From, MessagingServiceSid);
}
