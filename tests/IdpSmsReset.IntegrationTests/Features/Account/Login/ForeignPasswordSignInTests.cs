using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Core.Users.ForeignPasswords;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.Login;

/// <summary>
/// Users moved in from another system with the password hash it had (issue 34's first part): they sign in with their
/// old password on the login page, and from then on hold this server's hash.
/// </summary>
public abstract class ForeignPasswordSignInTests(IdpFactory factory)
{
    public static TheoryData<string> Formats() => ["bcrypt", "pbkdf2-sha256 (PHC)", "Django", "scrypt", "Keycloak"];

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public async Task MigratedUser_OldPassword_SignsInAndTheHashIsReplacedByThisServers(string format)
    {
        var name = "migrated-" + format.Split(' ')[0].ToLowerInvariant();
        await CreateAsync(name, HashOf(format, TestBootstrap.Password));

        using var wrong = factory.CreateBrowser();
        var refused = await wrong.SubmitAsync(await wrong.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.Password"] = TestBootstrap.Password + "!",
        });
        var stillForeign = await HashOfUserAsync(name);
        using var first = await factory.CreateSignedInBrowserAsync(name);
        // Replaced right after the sign-in, off the request.
        var afterFirst = await HashOfUserAsync(name);
        for (var waited = 0; ForeignPasswordHash.IsForeign(afterFirst) && waited < 100; waited++)
        {
            await Task.Delay(100);
            afterFirst = await HashOfUserAsync(name);
        }

        using var second = await factory.CreateSignedInBrowserAsync(name);

        Assert.Equal("/account/login", refused.Path);
        Assert.True(ForeignPasswordHash.IsForeign(stillForeign));
        Assert.False(ForeignPasswordHash.IsForeign(afterFirst));
        Assert.True(ForeignPasswordHash.IsIdentityHash(afterFirst!));
        Assert.Equal(afterFirst, await HashOfUserAsync(name));
    }

    private static string HashOf(string format, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return format switch
        {
            "bcrypt" => BCrypt.Net.BCrypt.HashPassword(password, 10),
            "Django" => "pbkdf2_sha256$600000$pepperandsalt$" + Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(
                Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes("pepperandsalt"), 600_000, HashAlgorithmName.SHA256, 32)),
            // Made by node's crypto.scryptSync(password, "NaClSeaSalt2024", 64, { N: 16384, r: 8, p: 1 }), in Django's form.
            "scrypt" => "scrypt$16384$NaClSeaSalt2024$8$1$"
                + "nUEFkkGgEzWoRhA5QMPsMeEn7rceWAYqZaHzt+msnw0F1DlxjOW9cQ0IDCIbfoWn1/n5/g1GAM6eJxYKXPcLsw==",
            "Keycloak" => $"{{\"algorithm\":\"pbkdf2-sha512\",\"hashIterations\":210000,\"salt\":\"{Convert.ToBase64String(salt)}\","
                + $"\"value\":\"{Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 210_000,
                    HashAlgorithmName.SHA512, 64))}\"}}",
            _ => $"$pbkdf2-sha256$i=100000${Convert.ToBase64String(salt).TrimEnd('=')}$" + Convert.ToBase64String(
                Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 100_000, HashAlgorithmName.SHA256, 32)).TrimEnd('='),
        };
    }

    private async Task CreateAsync(string name, string hash)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(new ApplicationUser { UserName = name, PasswordHash = hash });
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(error => error.Description)));
    }

    private async Task<string?> HashOfUserAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(name))!.PasswordHash;
    }
}

public sealed class ForeignPasswordSignInTestsOnSqlite(SqliteIdpFactory factory)
    : ForeignPasswordSignInTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ForeignPasswordSignInTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : ForeignPasswordSignInTests(factory), IClassFixture<PostgreSqlIdpFactory>;
