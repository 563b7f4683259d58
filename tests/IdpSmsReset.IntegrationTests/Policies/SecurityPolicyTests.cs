using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Policies;

/// <summary>Policies from the bootstrap file, the default policy, and what may not be deleted.</summary>
public abstract class SecurityPolicyTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Bootstrap_UserNamingAPolicy_BelongsToIt_OthersFallBackToTheDefault()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var alice = await service.ForUserAsync((await users.FindByNameAsync("alice"))!, CancellationToken.None);
        var bob = await service.ForUserAsync((await users.FindByNameAsync("bob"))!, CancellationToken.None);

        Assert.Equal(TestBootstrap.SmsPolicyName, alice.Name);
        Assert.True(alice.PasswordReset.SmsEnabled);
        Assert.Equal(SecurityPolicyService.DefaultPolicyName, bob.Name);
        Assert.True(bob.IsDefault);
    }

    [SkippableFact]
    public async Task Delete_TheDefaultOrAPolicyInUse_IsRefusedWithTheReason()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
        var standard = (await service.FindByNameAsync(TestBootstrap.SmsPolicyName, CancellationToken.None))!;
        var fallback = (await service.FindByNameAsync(SecurityPolicyService.DefaultPolicyName, CancellationToken.None))!;

        Assert.Equal("1 user(s) belong to 'Standard'; move them to another policy first.", await service.DeleteAsync(standard.Id,
            CancellationToken.None));
        Assert.Equal("The default policy cannot be deleted; make another policy the default first.", await service.DeleteAsync(fallback.Id,
            CancellationToken.None));
    }

    [SkippableFact]
    public async Task Save_SmsResetWithoutTheSmsFactor_IsRefusedAndNothingIsStored()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
        var policy = new SecurityPolicy { Name = "No SMS factor" };
        policy.PasswordReset.SmsEnabled = true;

        var problems = await service.SaveAsync(policy, CancellationToken.None);

        Assert.Equal([new FieldProblem("passwordReset.sms", SecurityPolicyRules.SmsResetNeedsSmsFactor)], problems);
        Assert.Null(await service.FindByNameAsync("No SMS factor", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Save_AnotherPolicyAsDefault_TakesTheRoleSoThatThereIsOneDefault()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SecurityPolicyService>();
        var strict = new SecurityPolicy { Name = "Strict " + Guid.NewGuid().ToString("n")[..6], IsDefault = true };

        Assert.Empty(await service.SaveAsync(strict, CancellationToken.None));
        var previous = (await service.FindByNameAsync(SecurityPolicyService.DefaultPolicyName, CancellationToken.None))!;
        var bobUser = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("bob");
        var bob = await service.ForUserAsync(bobUser!, CancellationToken.None);

        Assert.False(previous.IsDefault);
        Assert.Equal(strict.Name, bob.Name);

        previous.IsDefault = true;
        Assert.Empty(await service.SaveAsync(previous, CancellationToken.None));
    }
}

public sealed class SecurityPolicyTestsOnSqlite(SqliteIdpFactory factory) : SecurityPolicyTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class SecurityPolicyTestsOnPostgreSql(PostgreSqlIdpFactory factory) : SecurityPolicyTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
