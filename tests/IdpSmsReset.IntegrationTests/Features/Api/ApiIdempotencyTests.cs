using System.Net;
using System.Net.Http.Json;
using System.Text;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the creates: a repeat gets the same answer and no second resource, even when the repeats
/// race; another body under the key is refused; a refused create keeps nothing.
/// </summary>
public abstract class ApiIdempotencyTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task CreateUser_RepeatedWithItsKey_OneUserAndTheSameAnswer_AnotherBodyRefused()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "idempotent-script", "idp:admin");

        using var first = await PostAsync(api, "/api/v1/users", "key-ivy-1", new { userName = "ivy", email = "ivy@example.com" });
        using var repeat = await PostAsync(api, "/api/v1/users", "key-ivy-1", new { userName = "ivy", email = "ivy@example.com" });
        using var otherBody = await PostAsync(api, "/api/v1/users", "key-ivy-1", new { userName = "ivy2" });
        var found = await (await api.GetAsync("/api/v1/users?search=ivy")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((HttpStatusCode)422, otherBody.StatusCode);
        Assert.Single(found.GetProperty("items").EnumerateArray());
    }

    [SkippableFact]
    public async Task CreateUser_RefusedThenCorrectedUnderTheSameKey_Created()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "idempotent-corrector", "idp:admin");

        using var refused = await PostAsync(api, "/api/v1/users", "key-jon-1", new { userName = "jon", phoneNumber = "not a phone" });
        using var corrected = await PostAsync(api, "/api/v1/users", "key-jon-1", new { userName = "jon", phoneNumber = "+14155550142" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [SkippableFact]
    public async Task ScimCreate_RetriedAfterALostAnswer_CreatedAgainNotAConflict()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "idempotent-provisioner", "idp:scim");

        using var first = await ScimPostAsync(scim, "key-kai");
        using var retry = await ScimPostAsync(scim, "key-kai");
        using var withoutKey = await ScimPostAsync(scim, null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("application/scim+json", retry.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
    }

    [SkippableFact]
    public async Task IssueRegistrationToken_SixRacingRepeats_OneTokenIssued_EveryIssuedAnswerTheSame()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "idempotent-racer", "idp:admin");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await PostAsync(api, "/api/v1/registration-tokens", "key-race",
                new { description = "raced once", lifetimeDays = 1 });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var list = await (await api.GetAsync("/api/v1/registration-tokens")).JsonAsync();

        Assert.Single(list.GetProperty("items").EnumerateArray(), token => token.GetProperty("description").GetString() == "raced once");
        Assert.All(answers, answer => Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, answer.Body));
        Assert.Single(answers.Where(answer => answer.StatusCode == HttpStatusCode.Created).Select(answer => answer.Body).Distinct());
    }

    private static Task<HttpResponseMessage> ScimPostAsync(HttpClient http, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users")
        {
            Content = new StringContent("""{"userName":"scim.kai","displayName":"Kai"}""", Encoding.UTF8, "application/scim+json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}

public sealed class ApiIdempotencyTestsOnSqlite(SqliteIdpFactory factory) : ApiIdempotencyTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ApiIdempotencyTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : ApiIdempotencyTests(factory), IClassFixture<PostgreSqlIdpFactory>;
