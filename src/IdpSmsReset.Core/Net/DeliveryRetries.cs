namespace IdpSmsReset.Core.Net;

/// <summary>The waits between attempts of a delivery to another system (back-channel logout, webhooks): about an hour in all.</summary>
public static class DeliveryRetries
{
    public static readonly IReadOnlyList<TimeSpan> Default =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];
}
