namespace IdpSmsReset.Core.Messaging;

/// <summary>The account with its auth token in clear, for the moment of one call; never stored or logged like this.</summary>
public sealed record SmsAccount(string AccountSid, string AuthToken, string? From, string? MessagingServiceSid)
{
    public override string ToString()
        => $"SmsAccount {{ AccountSid = {AccountSid}, AuthToken = ***, From = {From}, MessagingServiceSid = {MessagingServiceSid} }}";
}
