namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Why an SMS did not go, in a few fixed words: the <c>error_class</c> of the SMS metric and the dashboard's failure
/// chart. Few enough to be a metric label; the provider's own words stay in <see cref="OutboundSms.LastError"/>.
/// </summary>
public static class SmsErrorClasses
{
    /// <summary>The provider throttled us (HTTP 429, Twilio 20429).</summary>
    public const string Throttled = "throttled";

    /// <summary>The provider failed (HTTP 5xx).</summary>
    public const string ProviderError = "provider_error";

    /// <summary>The provider could not be reached (connection, DNS, timeout).</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The account itself was refused (Twilio 20003: suspended, out of balance, or its credentials revoked).</summary>
    public const string AccountUnavailable = "account_unavailable";

    /// <summary>Not tried: the account's circuit breaker was open.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>
    /// The provider answered and did not take the message, for a reason of its own or of the account, not of the
    /// number: another account may send it. (A timeout is not definite: the provider may have taken it.)
    /// </summary>
    public static bool IsDefiniteProviderFailure(string? errorClass) =>
        errorClass is ProviderError or Throttled or AccountUnavailable or CircuitOpen;

    public const string InvalidNumber = "invalid_number";

    public const string Unsubscribed = "unsubscribed";

    public const string RegionNotPermitted = "region_not_permitted";

    /// <summary>Any other refusal of the message by the provider.</summary>
    public const string Refused = "refused";

    /// <summary>No validated SMS account, or its secrets cannot be read.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>Accepted, then reported failed or undelivered by the carrier.</summary>
    public const string DeliveryFailed = "delivery_failed";

    /// <summary>Refused before sending: premium-rate, shared-cost, UAN, unknown or (where not allowed) VoIP.</summary>
    public const string NumberType = "number_type";

    /// <summary>Held by the fraud guard: one of its budgets was spent.</summary>
    public const string Held = "held";
}
