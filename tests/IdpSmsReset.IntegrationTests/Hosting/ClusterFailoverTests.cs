using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// An instance killed (SIGKILL) in the middle of a burst of 200 SMS: the other sends every one of them, and none
/// twice. Its own pair of instances, since it kills one.
/// </summary>
public sealed class ClusterFailoverTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private const int Burst = 200;

    [SkippableFact]
    public async Task InstanceKilledDuringABurstOf200Sms_TheOtherSendsEachExactlyOnce()
    {
        Skip.IfNot(cluster.Available, "PostgreSQL is not available.");
        // A slow Twilio keeps many sends in flight on both instances when A dies.
        cluster.Twilio.AnswerEveryMessageAfter(TimeSpan.FromMilliseconds(300));
        var (onA, onB) = cluster.Browser();
        using var admin = onA;
        using var unused = onB;
        await admin.SubmitPasswordAsync(TestBootstrap.AdminUserName);
        var factors = await admin.OpenAsync("/admin/factors");
        var numbers = Enumerable.Range(0, Burst).Select(i => $"+1415556{i:0000}").ToList();

        foreach (var number in numbers)
        {
            await admin.SubmitAsync(factors, new Dictionary<string, string> { ["TestNumber"] = number },
                formSelector: "form[action*='handler=Test']");
        }

        await WaitAsync(() => cluster.Twilio.AllMessages().Count >= Burst / 4, TimeSpan.FromSeconds(60));
        cluster.A.Kill();
        var killedAt = DateTime.UtcNow;
        await WaitAsync(() => numbers.All(number => cluster.Twilio.MessagesTo(number).Count > 0), TimeSpan.FromSeconds(150));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var missing = numbers.Where(number => cluster.Twilio.MessagesTo(number).Count == 0).ToList();
        var twice = numbers.Where(number => cluster.Twilio.MessagesTo(number).Count > 1).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} never sent; B's output:\n{cluster.B.Output}");
        Assert.True(twice.Count == 0, $"{twice.Count} sent twice: {string.Join(", ", twice)}");
        Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromMinutes(2.5));
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
    }
}
