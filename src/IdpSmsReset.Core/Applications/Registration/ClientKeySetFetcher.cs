namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// Reads a registering application's <c>jwks_uri</c> once, at registration, so its keys are kept like a pasted key set.
/// The host gives it an <see cref="HttpClient"/> through <see cref="Net.OutboundDestinations"/> with no internal
/// destinations at all (not even in Development): a URL the registrant chose must not make this server probe its own
/// network. Small and quick: at most 64 KiB within 5 seconds.
/// </summary>
public sealed class ClientKeySetFetcher(HttpClient http)
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>The key set's JSON, or why it could not be read (a sentence for the refusal's description).</summary>
    public async Task<(string? KeySet, string? Problem)> FetchAsync(string jwksUri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await http.GetAsync(jwksUri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"jwks_uri answered HTTP {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[MaxBytes + 1];
            var read = 0;
            int chunk;
            while (read <= MaxBytes && (chunk = await body.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += chunk;
            }

            return read > MaxBytes
                ? (null, "jwks_uri returned more than 64 KiB.")
                : (System.Text.Encoding.UTF8.GetString(buffer, 0, read), null);
        }
        catch (HttpRequestException exception)
        {
            return (null, $"jwks_uri could not be read: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "jwks_uri did not answer within 5 seconds.");
        }
    }
}
