using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// Issue 32's budget. (1) What events cost a sign-in and <c>client_credentials</c>: the same loads, in alternating
/// rounds, on this run's server (no subscription), on one whose only subscription wants none of these events, and on
/// one that sends every event to a receiver. (2) A burst of 10,000 events to a receiver that takes 500 ms an answer:
/// sign-ins and SMS measured on that server before the burst and while its backlog drains.
/// </summary>
public static class EventScenarios
{
    public const int Burst = 10_000;

    private const int SmsProbe = 100;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings,
        string directory)
    {
        using var receiver = WireMockServer.Start();
        receiver.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(204).WithDelay(500));
        using var uninterested = await StartAsync(context, settings, directory, "uninterested", receiver.Url!, ["keys.*"]);
        using var everything = await StartAsync(context, settings, directory, "everything", receiver.Url!, ["*"]);
        var servers = new[] { ("no subscription", context.Server), ("a subscription wanting none of it", uninterested),
            ("every event to a receiver", everything) };

        var rows = new List<Measurement>();
        for (var round = 0; round < context.Options.Rounds; round++)
        {
            foreach (var (name, server) in servers)
            {
                var on = context with { Server = server };
                rows.Add((await TokenScenarios.AuthorizationCodeFlowAsync(on)) with { Scenario = $"sign-in (code flow), {name}" });
                rows.Add((await TokenScenarios.ClientCredentialsAsync(on)) with { Scenario = $"client_credentials, {name}" });
            }
        }

        var busy = context with { Server = everything };
        rows.Add((await TokenScenarios.AuthorizationCodeFlowAsync(busy)) with { Scenario = "sign-in (code flow), before the burst" });
        rows.Add((await SmsAsync(busy, "+16285550")) with { Scenario = $"{SmsProbe} SMS queued to Twilio, before the burst" });
        var queued = await BurstAsync(busy);
        rows.Add(queued);
        rows.Add((await TokenScenarios.AuthorizationCodeFlowAsync(busy)) with { Scenario = "sign-in (code flow), during the backlog" });
        rows.Add((await SmsAsync(busy, "+16285551")) with { Scenario = $"{SmsProbe} SMS queued to Twilio, during the backlog" });
        Console.Error.WriteLine($"  the slow receiver had {receiver.LogEntries.Count()} of the {Burst} events when the measures ended");
        return rows;
    }

    private static async Task<ServerUnderTest> StartAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings,
        string directory, string name, string receiverUrl, string[] events)
    {
        var bootstrap = JsonNode.Parse(BenchmarkBootstrap.Json(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From))!.AsObject();
        bootstrap["webhooks"] = new JsonArray(new JsonObject
        {
            ["name"] = name, ["url"] = receiverUrl + "/events", ["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]),
            ["secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        });
        var path = Path.Combine(directory, $"bootstrap-{name}.json");
        await File.WriteAllTextAsync(path, bootstrap.ToJsonString());
        var own = new Dictionary<string, string>(settings) { ["Idp__Bootstrap__Path"] = path };
        own["Idp__Database__ConnectionString"] = context.Options.Database == "postgresql"
            ? $"{BenchmarkOptions.PostgreSqlServer};Database=idp_bench_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(directory, $"events-{name}.db")}";
        return await ServerUnderTest.StartAsync(directory, own);
    }

    /// <summary>The dashboard's test event, through the management API, as fast as eight clients can ask.</summary>
    private static async Task<Measurement> BurstAsync(BenchmarkContext context)
    {
        var http = context.Http;
        var url = context.Server.Url;
        var token = (await WebSession.TokenAsync(http, url,
        [
            new("grant_type", "client_credentials"), new("client_id", BenchmarkBootstrap.ManagementClientId),
            new("client_secret", BenchmarkBootstrap.ClientSecret), new("scope", "idp:admin"),
        ], context.Endpoints.Token)).GetProperty("access_token").GetString()!;
        using var list = new HttpRequestMessage(HttpMethod.Get, url + "/api/v1/webhooks");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var listed = await http.SendAsync(list);
        var id = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("id")
            .GetString();

        var cpuBefore = context.Server.CpuTime;
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Burst)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}/api/v1/webhooks/{id}/test");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    errors += response.StatusCode == HttpStatusCode.Accepted ? 0 : 1;
                }
            }
        }));
        clock.Stop();
        return new Measurement($"{Burst} test events queued (API)", latencies.Count - errors, errors, clock.Elapsed, latencies,
            context.Server.CpuTime - cpuBefore, context.Server.PeakRssBytes);
    }

    /// <summary>
    /// Test SMS from the dashboard, a distinct number each (after <paramref name="numbersFrom"/>): from queued to Twilio's POST.
    /// </summary>
    private static async Task<Measurement> SmsAsync(BenchmarkContext context, string numbersFrom)
    {
        var admin = new WebSession(context.Http, context.Server.Url);
        await admin.SignInAsync(BenchmarkBootstrap.AdminUserName, BenchmarkBootstrap.Password, "/admin/factors");
        await admin.OpenFormAsync("/admin/factors");
        var queuedAt = new Dictionary<string, DateTime>();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < SmsProbe; index++)
        {
            var number = numbersFrom + index.ToString("D3");
            using var queued = await admin.PostFormAsync("/admin/factors?handler=Test", [new("TestNumber", number)]);
            queuedAt[number] = DateTime.UtcNow;
            await Task.Delay(20);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<ReceivedMessage> arrived;
        while ((arrived = [.. context.Twilio.AllMessages().Where(m => queuedAt.ContainsKey(m.Form["To"]))]).Count < SmsProbe
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        clock.Stop();
        var latencies = arrived.Select(message => (message.ReceivedAtUtc - queuedAt[message.Form["To"]]).TotalMilliseconds).ToList();
        return new Measurement("SMS", arrived.Count, SmsProbe - arrived.Count, clock.Elapsed, latencies, context.Server.CpuTime - cpuBefore,
            context.Server.PeakRssBytes);
    }
}
