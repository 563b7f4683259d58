using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Api.Users;

/// <summary>
/// <c>POST /api/v1/users:import</c> as a migration script uses it: a Keycloak realm export or JSON lines in, a report by
/// line out, and the users signing in with the passwords they had.
/// </summary>
public abstract class UserImportApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/users:import";

    [SkippableFact]
    public async Task Import_KeycloakRealmExportOfThreeUsers_CreatedAndAnnaSignsInWithHerKeycloakPassword()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");

        var report = await ImportAsync(admin, KeycloakRealm("kc1-"), "application/json");
        var signIn = await SignInAsync("kc1-anna", KeycloakPassword);

        Assert.Equal((3, 3, 0), (report.GetProperty("lines").GetInt32(), report.GetProperty("created").GetInt32(),
            report.GetProperty("refusedCount").GetInt32()));
        Assert.Equal("/", signIn);
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var ben = await database.Users.AsNoTracking().SingleAsync(user => user.UserName == "kc1-ben");
        Assert.NotNull(ben.DisabledAt);
        Assert.Equal("update-password,configure-second-factor", ben.RequiredActions);
        var anna = await database.Users.AsNoTracking().Include(user => user.Attributes).SingleAsync(user => user.UserName == "kc1-anna");
        Assert.Equal(("Anna Berg", "+14155550170", false), (anna.DisplayName, anna.PhoneNumber, anna.PhoneNumberConfirmed));
        Assert.Equal("sales", Assert.Single(anna.Attributes).Value);
        Assert.Contains(await database.Set<AuditEvent>().AsNoTracking().Where(e => e.Type == AdminEventTypes.UsersImported).ToListAsync(),
            e => e.Actor == "application:api-admin" && (e.Details ?? "").Contains("\"created\":3", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Import_JsonLineWithEveryField_UserAsTheLineSaysAndTheAuthenticatorAppStillWorks()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        const string secret = "JBSWY3DPEHPK3PXPJBSWY3DP";
        var line = JsonSerializer.Serialize(new
        {
            userName = "jl-every", email = "jl-every@example.com", displayName = "Every Field",
            passwordHash = BCrypt.Net.BCrypt.HashPassword(TestBootstrap.Password, 10), phoneNumber = "+1 415 555 0171",
            phoneNumberVerified = true, totpSecret = secret, requiredActions = new[] { "verify-phone" },
            createdAt = "2019-05-06T07:08:09Z", enabled = true, roles = new[] { "staff" }, policy = TestBootstrap.SmsPolicyName,
            attributes = new Dictionary<string, string> { ["employeeNumber"] = "E-7" },
        });

        var report = await ImportAsync(admin, line, "application/x-ndjson");

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync("jl-every"))!;
        Assert.Equal(("jl-every@example.com", "Every Field", "+14155550171", true), (user.Email, user.DisplayName, user.PhoneNumber,
            user.PhoneNumberConfirmed));
        Assert.Equal(new DateTime(2019, 5, 6, 7, 8, 9, DateTimeKind.Utc), user.CreatedAt);
        Assert.Equal("verify-phone", user.RequiredActions);
        Assert.Equal(["staff"], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, TestBootstrap.Password));
        Assert.True(await scope.ServiceProvider.GetRequiredService<AuthenticatorService>().VerifyAsync(user.Id,
            Phone.AuthenticatorCode(secret), CancellationToken.None));
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        Assert.Equal("E-7", (await database.Set<UserAttribute>().SingleAsync(a => a.UserId == user.Id)).Value);
        Assert.DoesNotContain(secret, (await database.Set<AuthenticatorApp>().SingleAsync(a => a.UserId == user.Id)).ProtectedSecret);
    }

    [SkippableFact]
    public async Task Import_MalformedLines_RefusedWithTheirLineNumbersWhileTheRestImport()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        var weak = BCrypt.Net.BCrypt.HashPassword(TestBootstrap.Password, 6);
        var file = string.Join('\n',
            Line("ml-one"),
            "{\"userName\": \"ml-broken\", ",
            $"{{\"userName\":\"ml-weak\",\"passwordHash\":\"{weak}\"}}",
            Line("ml-one"),
            "{\"userName\":\"ml-phone\",\"phoneNumber\":\"12\"}",
            Line("ml-two"));

        var report = await ImportAsync(admin, file, "application/jsonl");
        var weakAllowed = await ImportAsync(admin, $"{{\"userName\":\"ml-weak\",\"passwordHash\":\"{weak}\"}}", "application/jsonl",
            "?allowWeakHashes=true");

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var refused = report.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(),
            r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4, 5], refused.Select(r => r.Item1));
        Assert.StartsWith("is not a user in JSON", refused[0].Item2, StringComparison.Ordinal);
        Assert.Contains("bcrypt cost 6 is under 8", refused[1].Item2, StringComparison.Ordinal);
        Assert.Equal("userName appears on an earlier line.", refused[2].Item2);
        Assert.StartsWith("phoneNumber:", refused[3].Item2, StringComparison.Ordinal);
        Assert.Equal(1, weakAllowed.GetProperty("created").GetInt32());
        Assert.Equal("/account/update-password", await SignInAsync("ml-weak", TestBootstrap.Password));
    }

    [SkippableFact]
    public async Task Import_DryRun_ReportsWhatWouldBeDoneAndWritesNothing()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        var auditBefore = await CountImportEventsAsync();

        var report = await ImportAsync(admin, Line("dry-one") + "\n" + Line("dry-two") + "\n{", "application/x-ndjson", "?dryRun=true");

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal((2, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("refusedCount").GetInt32()));
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        Assert.False(await database.Users.AnyAsync(user => user.UserName!.StartsWith("dry-")));
        Assert.Equal(auditBefore, await CountImportEventsAsync());
    }

    [SkippableFact]
    public async Task Import_NameAlreadyHere_SkippedOrWithUpdateItsProfileChangedButNeverItsPassword()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        await ImportAsync(admin, Line("up-one", "First name"), "application/x-ndjson");
        var otherHash = BCrypt.Net.BCrypt.HashPassword("another long passphrase", 10);

        var again = await ImportAsync(admin, Line("up-one", "Second name", otherHash), "application/x-ndjson");
        var updated = await ImportAsync(admin, Line("up-one", "Third name", otherHash), "application/x-ndjson", "?update=true");

        Assert.Equal((0, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, updated.GetProperty("updated").GetInt32());
        Assert.Equal("/", await SignInAsync("up-one", TestBootstrap.Password));
        await using var scope = factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("up-one"))!;
        Assert.Equal("Third name", user.DisplayName);
    }

    [SkippableFact]
    public async Task Import_OtherMediaType_Refused415WithWhatItReads()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");

        using var response = await admin.PostAsync(Path, new StringContent("userName\nsomeone", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-ndjson", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CreateUser_WithThePasswordHashOfAnotherSystem_SignsInWithTheOldPassword_AWeakHashRefused()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        var salt = RandomNumberGenerator.GetBytes(16);
        var phc = $"$pbkdf2-sha256$i=100000${Convert.ToBase64String(salt).TrimEnd('=')}$" + Convert.ToBase64String(
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(TestBootstrap.Password), salt, 100_000, HashAlgorithmName.SHA256, 32))
            .TrimEnd('=');

        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "api-hashed", passwordHash = phc });
        using var weak = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "api-weak", passwordHash = BCrypt.Net.BCrypt.HashPassword(TestBootstrap.Password, 5),
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/", await SignInAsync("api-hashed", TestBootstrap.Password));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("bcrypt cost 5 is under 8", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string KeycloakPassword = KeycloakStoredCredential.Password;

    /// <summary>A realm export's users, the first with a credential a Keycloak server stored for <see cref="KeycloakPassword"/>.</summary>
    private static string KeycloakRealm(string prefix) => $$$"""
        {"realm":"corp","users":[
          {"username":"{{{prefix}}}anna","firstName":"Anna","lastName":"Berg","enabled":true,
           "attributes":{"phoneNumber":["+14155550170"],"department":["sales"]},
           "credentials":[{"type":"password",
             "secretData": "SECRET-DATA",
             "credentialData":"{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}"}],
           "realmRoles":["default-roles-corp"]},
          {"username":"{{{prefix}}}ben","enabled":false,"requiredActions":["UPDATE_PASSWORD","CONFIGURE_TOTP"]},
          {"username":"{{{prefix}}}cleo","email":"{{{prefix}}}cleo@corp.test"}]}
        """.Replace("SECRET-DATA", KeycloakStoredCredential.SecretDataInJson, StringComparison.Ordinal);

    private static string Line(string userName, string? displayName = null, string? hash = null) => JsonSerializer.Serialize(new
    {
        userName, displayName, passwordHash = hash ?? Hashes.GetOrAdd(0, _ => BCrypt.Net.BCrypt.HashPassword(TestBootstrap.Password, 8)),
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Hashes = new();

    private static async Task<JsonElement> ImportAsync(HttpClient admin, string body, string mediaType, string query = "")
    {
        using var response = await admin.PostAsync(Path + query, new StringContent(body, Encoding.UTF8, mediaType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Where the login page sends <paramref name="userName"/> after the password.</summary>
    private async Task<string> SignInAsync(string userName, string password)
    {
        using var browser = factory.CreateBrowser();
        var page = await browser.SubmitAsync(await browser.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password,
        });
        return page.Path;
    }

    private async Task<int> CountImportEventsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .CountAsync(e => e.Type == AdminEventTypes.UsersImported);
    }
}

public sealed class UserImportApiTestsOnSqlite(SqliteIdpFactory factory) : UserImportApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class UserImportApiTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : UserImportApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
