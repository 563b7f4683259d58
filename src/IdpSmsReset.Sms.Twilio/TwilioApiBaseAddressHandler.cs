namespace IdpSmsReset.Sms.Twilio;

/// <summary>
/// Sends every request the Twilio SDK builds (api.twilio.com, messaging.twilio.com, ...) to a stand-in instead: the
/// SDK composes Twilio's addresses itself, so this is the seam for WireMock in tests and the Development sandbox.
/// </summary>
public sealed class TwilioApiBaseAddressHandler(Uri? standIn) : DelegatingHandler
{
    public static readonly Uri TwilioApi = new("https://api.twilio.com");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Pointed at Twilio itself, the SDK's own addresses stand (messaging.twilio.com is not api.twilio.com).
        if (standIn is null || standIn == TwilioApi)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var original = request.RequestUri!;
        var rewritten = new UriBuilder(standIn)
        {
            Path = standIn.AbsolutePath.TrimEnd('/') + original.AbsolutePath,
            Query = original.Query.TrimStart('?'),
        };
        request.RequestUri = rewritten.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
