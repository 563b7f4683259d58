using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Policies;

/// <summary>The policy's password rules wherever Identity sets a password.</summary>
public abstract class PasswordRulesTests(IdpFactory factory)
{
    [SkippableTheory]
    [InlineData("short one", "Use at least 12 characters")]
    [InlineData("1qaz2wsx3edc", "This password is one of the most common ones")]
    [InlineData("a long enough passphrase", "You have used this password recently")]
    public async Task ChangePassword_BreakingARule_IsRefusedSayingWhatToChange(string newPassword, string expected)
    {
        var result = await ChangeAsync("carol", TestBootstrap.Password, newPassword);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => error.Description.StartsWith(expected, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ChangePassword_BackToARecentOne_IsRefused_ButAnOlderOneIsAccepted()
    {
        // The default policy remembers 3 passwords: the current one and the two before it.
        AssertSucceeded(await ChangeAsync("dave", TestBootstrap.Password, "second passphrase here"));
        AssertSucceeded(await ChangeAsync("dave", "second passphrase here", "third passphrase here"));

        var recent = await ChangeAsync("dave", "third passphrase here", TestBootstrap.Password);
        AssertSucceeded(await ChangeAsync("dave", "third passphrase here", "fourth passphrase here"));
        var older = await ChangeAsync("dave", "fourth passphrase here", TestBootstrap.Password);

        Assert.Contains(recent.Errors, error => error.Code == "PasswordReused");
        AssertSucceeded(older);
    }

    [SkippableFact]
    public async Task ChangePassword_WithoutLettersOrDigitsRules_AcceptsAPlainPassphrase()
    {
        AssertSucceeded(await ChangeAsync("erin", TestBootstrap.Password, "only lowercase words here"));
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));

    private async Task<IdentityResult> ChangeAsync(string userName, string current, string next)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.ChangePasswordAsync((await users.FindByNameAsync(userName))!, current, next);
    }
}

public sealed class PasswordRulesTestsOnSqlite(SqliteIdpFactory factory) : PasswordRulesTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class PasswordRulesTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PasswordRulesTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
