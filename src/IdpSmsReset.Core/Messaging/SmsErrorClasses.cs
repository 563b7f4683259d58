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

    public const string InvalidNumber = "invalid_number";

    public const string Unsubscribed = "unsubscribed";

    public const string RegionNotPermitted = "region_not_permitted";

    /// <summary>Any other refusal of the message by the provider.</summary>
    public const string Refused = "refused";

    /// <summary>No validated SMS account, or its secrets cannot be read.</summary>
    public const string NotConfigured = "not_configured";

    /// <summary>Accepted, then reported failed or undelivered by the carrier.</summary>
    public const string DeliveryFailed = "delivery_failed";
}
