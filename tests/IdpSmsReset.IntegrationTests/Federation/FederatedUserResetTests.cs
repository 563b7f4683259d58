using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Federation;

/// <summary>A user an outside identity provider brought has no password here, so none to reset by SMS.</summary>
public sealed class FederatedUserResetTests
{
    [SkippableFact]
    public async Task LinkedUserWithoutAPassword_NotEligibleForReset_ButOneWithoutALinkStillIs()
    {
        using var factory = new SqliteIdpFactory();
        await factory.ChangeUserAsync("zoe", async (users, zoe) =>
        {
            await users.RemovePasswordAsync(zoe);
            return await users.AddLoginAsync(zoe, new UserLoginInfo("corp", "zoe-at-corp", "Corp"));
        });
        await factory.ChangeUserAsync("yann", (users, yann) => users.RemovePasswordAsync(yann));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var eligibility = scope.ServiceProvider.GetRequiredService<PasswordResetEligibility>();

        var zoe = await eligibility.CheckAsync(await users.FindByNameAsync("zoe"), CancellationToken.None);
        var yann = await eligibility.CheckAsync(await users.FindByNameAsync("yann"), CancellationToken.None);

        Assert.Equal("The account signs in through another identity provider and has no password here.", zoe.Reason);
        Assert.NotEqual(zoe.Reason, yann.Reason);
    }
}
