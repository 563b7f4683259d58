using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>The password step as a decision table: who is let on, who is refused, and that the two kinds of refusal look alike.</summary>
public sealed class PasswordSignInTests : IAsyncDisposable
{
    private readonly SignInTestServices _services = new();

    [Fact]
    public async Task Check_RightPassword_AcceptedAndTheJourneyIsDone()
    {
        await _services.AddUserAsync("ada");

        var outcome = await CheckAsync("ada", SignInTestServices.Password);

        Assert.True(outcome.Succeeded);
        Assert.Equal("ada", outcome.User!.UserName);
        Assert.Equal(SignInStep.Done, outcome.Next!.Step);
        Assert.Equal([AuthenticationMethods.Password], outcome.Next.Amr);
    }

    [Fact]
    public async Task Check_EmailAddressForTheName_SignsInTheSameUser()
    {
        await _services.AddUserAsync("ada", email: "ada@example.com");

        var outcome = await CheckAsync("ada@example.com", SignInTestServices.Password);

        Assert.Equal("ada", outcome.User?.UserName);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task Check_WrongPasswords_RefusedThenLockedAtThePolicysLimit()
    {
        await _services.AddUserAsync("ada");

        var refused = await WrongPasswordsAsync("ada", SignInTestServices.MaxFailures);

        Assert.All(refused, outcome => Assert.False(outcome.Succeeded));
        Assert.All(refused.SkipLast(1), outcome => Assert.False(outcome.LockedOut));
        Assert.True(refused[^1].LockedOut);
        Assert.Equal(_services.Time.GetUtcNow().AddMinutes(5), refused[^1].LockedUntil);
    }

    [Fact]
    public async Task Check_RightPasswordWhileLocked_StillRefusedAsLocked()
    {
        await _services.AddUserAsync("ada");
        await WrongPasswordsAsync("ada", SignInTestServices.MaxFailures);

        var outcome = await CheckAsync("ada", SignInTestServices.Password);

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.LockedOut);
    }

    [Fact]
    public async Task Check_RightPasswordBetweenFailures_StartsTheCountAgain()
    {
        await _services.AddUserAsync("ada");
        await WrongPasswordsAsync("ada", SignInTestServices.MaxFailures - 1);

        Assert.True((await CheckAsync("ada", SignInTestServices.Password)).Succeeded);
        var afterwards = await CheckAsync("ada", "wrong");

        Assert.False(afterwards.LockedOut);
    }

    [Fact]
    public async Task Check_UnknownName_RefusedAndLockedAfterAsManyFailuresAsARealAccount()
    {
        var outcomes = await WrongPasswordsAsync("nobody", SignInTestServices.MaxFailures);

        Assert.All(outcomes, outcome => Assert.Null(outcome.User));
        Assert.All(outcomes.SkipLast(1), outcome => Assert.False(outcome.LockedOut));
        Assert.True(outcomes[^1].LockedOut);
        Assert.Equal(_services.Time.GetUtcNow().AddMinutes(5), outcomes[^1].LockedUntil);
    }

    [Fact]
    public async Task Check_UnconfirmedEmailWhereIdentityRequiresIt_RefusedWithoutCountingAFailure()
    {
        await using var services = new SignInTestServices(options => options.SignIn.RequireConfirmedEmail = true);
        await services.AddUserAsync("ada", email: "ada@example.com", emailConfirmed: false);

        var outcome = await services.InRequestAsync(provider => provider.GetRequiredService<PasswordSignIn>()
            .CheckAsync("ada", SignInTestServices.Password, CancellationToken.None));
        var failures = await services.InRequestAsync(async provider =>
            (await provider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("ada"))!.AccessFailedCount);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.LockedOut);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Check_DisabledUserWithTheRightPassword_RefusedLikeAWrongPassword()
    {
        var user = await _services.AddUserAsync("ada");
        await _services.InRequestAsync(async provider =>
        {
            var users = provider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.DisabledAt = DateTime.UtcNow;
            return await users.UpdateAsync(stored);
        });

        var outcome = await CheckAsync("ada", SignInTestServices.Password);

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.LockedOut);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<IReadOnlyList<PasswordSignInOutcome>> WrongPasswordsAsync(string login, int count)
    {
        var outcomes = new List<PasswordSignInOutcome>();
        for (var attempt = 0; attempt < count; attempt++)
        {
            outcomes.Add(await CheckAsync(login, "wrong"));
        }

        return outcomes;
    }

    private Task<PasswordSignInOutcome> CheckAsync(string login, string password) =>
        _services.InRequestAsync(provider =>
            provider.GetRequiredService<PasswordSignIn>().CheckAsync(login, password, CancellationToken.None));
}
