using System.Text.Json.Nodes;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// Issue 33's budget: what the SMS fraud guard costs when nothing is suspected. The reset scenario (the page asks
/// whether proof of work is due; each code sent is counted against the budgets under the gate) and a burst of 1,000
/// SMS (every message admitted by the guard), in alternating rounds on this run's server (guard on, its default
/// <c>when-suspected</c>) and on one with the guard off (<c>smsFraudGuard.enabled: false</c>, proof of work off).
/// </summary>
public static class FraudGuardScenarios
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings,
        string directory)
    {
        using var off = await StartWithoutGuardAsync(context, settings, directory);
        var rows = new List<Measurement>();
        for (var round = 0; round < context.Options.Rounds; round++)
        {
            foreach (var (name, server) in new[] { ("guard on", context.Server), ("guard off", off) })
            {
                var on = context with { Server = server };
                rows.AddRange((await ResetScenarios.RequestCodeAsync(on)).Select(row => row with { Scenario = $"{row.Scenario}, {name}" }));
                rows.Add((await DispatchScenario.BurstAsync(on)) with { Scenario = $"SMS burst of {DispatchScenario.Burst}, {name}" });
            }
        }

        return rows;
    }

    private static async Task<ServerUnderTest> StartWithoutGuardAsync(BenchmarkContext context,
        IReadOnlyDictionary<string, string> settings, string directory)
    {
        var bootstrap = JsonNode.Parse(BenchmarkBootstrap.Json(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From))!.AsObject();
        bootstrap["smsFraudGuard"] = new JsonObject { ["enabled"] = false };
        var path = Path.Combine(directory, "bootstrap-guard-off.json");
        await File.WriteAllTextAsync(path, bootstrap.ToJsonString());
        var own = new Dictionary<string, string>(settings)
        {
            ["Idp__Bootstrap__Path"] = path,
            ["Idp__Sms__FraudGuard__ProofOfWork"] = "off",
        };
        own["Idp__Database__ConnectionString"] = context.Options.Database == "postgresql"
            ? $"{BenchmarkOptions.PostgreSqlServer};Database=idp_bench_{Guid.NewGuid():N}"
            : $"Data Source={Path.Combine(directory, "guard-off.db")}";
        return await ServerUnderTest.StartAsync(directory, own);
    }
}
