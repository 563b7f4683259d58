using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>A real HTTP receiver of webhooks (WireMock): what it was sent, headers and body as they came.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public WebhookReceiver() => Answer(200);

    public string Url => _server.Url!;

    /// <summary>Answers every post to <paramref name="path"/> with <paramref name="status"/>, after <paramref name="delay"/>.</summary>
    public void Answer(int status, string path = "/hook", TimeSpan? delay = null, string? location = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody("thanks");
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        if (location is not null)
        {
            response = response.WithHeader("Location", location);
        }

        _server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(response);
    }

    /// <summary>Answers the first <paramref name="failures"/> posts with 500, then 200.</summary>
    public void FailFirst(int failures, string path = "/hook")
    {
        var posts = 0;
        _server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(Response.Create()
            .WithCallback(_ => new WireMock.ResponseMessage { StatusCode = Interlocked.Increment(ref posts) <= failures ? 500 : 200 }));
    }

    public IReadOnlyList<Received> Posts(string path = "/hook") =>
        [.. _server.LogEntries.Where(entry => entry.RequestMessage.Path == path).OrderBy(entry => entry.RequestMessage.DateTime)
            .Select(entry => new Received(
                entry.RequestMessage.Headers!.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
                entry.RequestMessage.Body ?? ""))];

    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> enough, string path = "/hook",
        int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!enough(Posts(path)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var posts = Posts(path);
        Assert.True(enough(posts), $"The receiver got {posts.Count} posts on {path} within {seconds} s.");
        return posts;
    }

    public void Dispose() => _server.Stop();

    /// <summary>One post as it arrived.</summary>
    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public JsonElement Event => JsonDocument.Parse(Body).RootElement;

        public string Type => Event.GetProperty("type").GetString()!;

        public string Header(string name) => Headers[name];

        public bool VerifiesWith(string secret, DateTimeOffset now) => StandardWebhooksVerifier.Verify(secret, Header("webhook-id"),
            Header("webhook-timestamp"), Header("webhook-signature"), Body, now);
    }
}
