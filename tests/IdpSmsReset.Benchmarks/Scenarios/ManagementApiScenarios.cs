using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// The management API and SCIM over a directory of <see cref="Population"/> users (written straight into the database
/// first, as an import would leave it): a lookup by <c>filter</c> on each door, a page of a <c>search</c> (a substring:
/// the one query here that no index serves), and a SCIM create without a password (what provisioning sends).
/// </summary>
public static class ManagementApiScenarios
{
    public const int Population = 100_000;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings)
    {
        var seeded = await SeedAsync(settings);
        Console.Error.WriteLine($"  {Population} users written in {seeded.TotalSeconds:F1} s");
        var http = context.Http;
        var token = await TokenAsync(context, "idp:admin idp:scim");
        var workers = Enumerable.Range(0, context.Options.Concurrency).Select(worker => new Random(worker)).ToList();

        Task<Measurement> LoopAsync(string scenario, Func<Random, HttpRequestMessage> request) =>
            Load.ClosedLoopAsync(scenario, context.Server, context.Options.Concurrency, context.Duration, workers, async random =>
            {
                using var message = request(random);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(message);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            });

        string Filter(Random random) => Uri.EscapeDataString($"userName eq \"{NameOf(random.Next(Population))}\"");
        return
        [
            await LoopAsync($"GET /api/v1/users?filter=userName eq (of {Population})",
                random => new HttpRequestMessage(HttpMethod.Get, $"{context.Server.Url}/api/v1/users?filter={Filter(random)}")),
            await LoopAsync($"GET /scim/v2/Users?filter=userName eq (of {Population})",
                random => new HttpRequestMessage(HttpMethod.Get, $"{context.Server.Url}/scim/v2/Users?filter={Filter(random)}")),
            await LoopAsync($"GET /api/v1/users?search= (substring, of {Population})",
                random => new HttpRequestMessage(HttpMethod.Get,
                    $"{context.Server.Url}/api/v1/users?limit=50&search={random.Next(Population):D6}")),
            await LoopAsync("POST /scim/v2/Users (no password)", _ => new HttpRequestMessage(HttpMethod.Post,
                $"{context.Server.Url}/scim/v2/Users")
            {
                Content = new StringContent($$"""{"userName":"scim-{{Guid.NewGuid():N}}","displayName":"Provisioned"}""", Encoding.UTF8,
                    "application/scim+json"),
            }),
        ];
    }

    /// <summary>An access token of the harness's management application, for <paramref name="scope"/>.</summary>
    public static async Task<string> TokenAsync(BenchmarkContext context, string scope) =>
        (await WebSession.TokenAsync(context.Http, context.Server.Url,
        [
            new("grant_type", "client_credentials"), new("client_id", BenchmarkBootstrap.ManagementClientId),
            new("client_secret", BenchmarkBootstrap.ClientSecret), new("scope", scope),
        ], context.Endpoints.Token)).GetProperty("access_token").GetString()!;

    private static string NameOf(int index) => $"pop-{index:D6}";

    // Straight into the server's database, in batches; the server reads them like any other users.
    private static async Task<TimeSpan> SeedAsync(IReadOnlyDictionary<string, string> settings)
    {
        var clock = Stopwatch.StartNew();
        var connection = settings["Idp__Database__ConnectionString"];
        var provider = settings.TryGetValue("Idp__Database__Provider", out var named) ? Enum.Parse<DatabaseProvider>(named)
            : DatabaseProvider.Sqlite;
        var builder = new DbContextOptionsBuilder<IdpDbContext>();
        builder.UseIdpDatabase(provider, connection);
        var options = builder.Options;
        for (var start = 0; start < Population; start += 5_000)
        {
            await using var database = new IdpDbContext(options);
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            database.Users.AddRange(Enumerable.Range(start, Math.Min(5_000, Population - start)).Select(index => new ApplicationUser
            {
                Id = Guid.NewGuid().ToString(), UserName = NameOf(index), NormalizedUserName = NameOf(index).ToUpperInvariant(),
                Email = $"{NameOf(index)}@example.com", NormalizedEmail = $"{NameOf(index)}@EXAMPLE.COM".ToUpperInvariant(),
                DisplayName = $"Person {index}", SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow, ChangedAt = DateTime.UtcNow,
            }));
            await database.SaveChangesAsync();
        }

        return clock.Elapsed;
    }
}
