using System.Text.RegularExpressions;

namespace IdpSmsReset.Core.Messaging;

/// <summary>What an administrator (or the bootstrap file) gives for the SMS factor. A null auth token keeps the stored one.</summary>
public sealed record SmsFactorInput(
    string? AccountSid,
    string? AuthToken,
    string? From,
    string? MessagingServiceSid,
    string? PhoneField,
    IReadOnlyList<string> AllowedCountries);
