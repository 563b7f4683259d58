using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// A burst of 1,000 SMS queued through the dashboard's test message (one form post each, a distinct number each),
/// then: how long until "Twilio" has all of them, and each message's time from queued to Twilio's POST.
/// </summary>
public static class DispatchScenario
{
    public const int Burst = 1000;

    public static async Task<Measurement> BurstAsync(BenchmarkContext context)
    {
        var admin = new WebSession(context.Http, context.Server.Url);
        await admin.SignInAsync(BenchmarkBootstrap.AdminUserName, BenchmarkBootstrap.Password, "/admin/factors");
        await admin.OpenFormAsync("/admin/factors");
        var before = context.Twilio.AllMessages().Count;
        var queuedAt = new ConcurrentDictionary<string, DateTime>();
        context.Server.ResetPeakRss();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var index && index < Burst)
            {
                var number = "+1415555" + (5000 + index);
                using var queued = await admin.PostFormAsync("/admin/factors?handler=Test", [new("TestNumber", number)]);
                queuedAt[number] = DateTime.UtcNow;
                if (queued.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"test SMS: {(int)queued.StatusCode}");
                }
            }
        }));

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (context.Twilio.AllMessages().Count - before < Burst && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        clock.Stop();
        var cpu = context.Server.CpuTime - cpuBefore;
        var arrived = context.Twilio.AllMessages().Skip(before).Where(message => queuedAt.ContainsKey(message.Form["To"])).ToList();
        var latencies = arrived.Select(message => (message.ReceivedAtUtc - queuedAt[message.Form["To"]]).TotalMilliseconds).ToList();
        return new Measurement($"SMS burst of {Burst}: queued to Twilio's POST", arrived.Count, Burst - arrived.Count, clock.Elapsed,
            latencies, cpu, context.Server.PeakRssBytes);
    }
}
