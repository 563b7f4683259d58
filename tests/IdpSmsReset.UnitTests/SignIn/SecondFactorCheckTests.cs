using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>The second step as a decision table: what a right or wrong code, or passkey, comes to.</summary>
public sealed class SecondFactorCheckTests : IAsyncDisposable
{
    private readonly SignInTestServices _services = new();

    [Fact]
    public async Task VerifyCode_RightRecoveryCode_AcceptedWithPasswordAndSecondFactorInAmr()
    {
        var (user, codes) = await UserWithRecoveryCodesAsync();

        var verdict = await VerifyAsync(user, codes[0]);

        Assert.Equal(SecondFactorOutcome.Accepted, verdict.Outcome);
        Assert.Contains(AuthenticationMethods.Password, verdict.Amr);
        Assert.Contains(AuthenticationMethods.MultiFactor, verdict.Amr);
    }

    [Fact]
    public async Task VerifyCode_UsedRecoveryCode_Refused()
    {
        var (user, codes) = await UserWithRecoveryCodesAsync();
        await VerifyAsync(user, codes[0]);

        var again = await VerifyAsync(user, codes[0]);

        Assert.Equal(SecondFactorOutcome.Refused, again.Outcome);
        Assert.Empty(again.Amr);
    }

    [Fact]
    public async Task VerifyCode_WrongCodesUpToThePolicysLimit_LockTheAccountAndRefuseEvenARightCode()
    {
        var (user, codes) = await UserWithRecoveryCodesAsync();

        var verdicts = new List<SecondFactorVerdict>();
        for (var attempt = 0; attempt < SignInTestServices.MaxFailures; attempt++)
        {
            verdicts.Add(await VerifyAsync(user, "WRONG-CODE"));
        }

        Assert.All(verdicts.SkipLast(1), verdict => Assert.Equal(SecondFactorOutcome.Refused, verdict.Outcome));
        Assert.Equal(SecondFactorOutcome.LockedOut, verdicts[^1].Outcome);
        Assert.False(await MaySignInAsync(user));
    }

    [Fact]
    public async Task VerifyCode_RightCodeBetweenWrongOnes_StartsTheCountAgain()
    {
        var (user, codes) = await UserWithRecoveryCodesAsync();
        for (var attempt = 0; attempt < SignInTestServices.MaxFailures - 1; attempt++)
        {
            await VerifyAsync(user, "WRONG-CODE");
        }

        await VerifyAsync(user, codes[0]);
        var afterwards = await VerifyAsync(user, "WRONG-CODE");

        Assert.Equal(SecondFactorOutcome.Refused, afterwards.Outcome);
        Assert.True(await MaySignInAsync(user));
    }

    [Fact]
    public async Task Passkey_RefusedMoreOftenThanThePolicysLimit_NeverLocks()
    {
        var (user, _) = await UserWithRecoveryCodesAsync();

        for (var attempt = 0; attempt <= SignInTestServices.MaxFailures; attempt++)
        {
            var verdict = await _services.InRequestAsync(provider =>
                provider.GetRequiredService<SecondFactorCheck>().PasskeyAsync(user, keyAmr: null));
            Assert.Equal(SecondFactorOutcome.Refused, verdict.Outcome);
        }

        Assert.True(await MaySignInAsync(user));
    }

    [Fact]
    public async Task Passkey_Accepted_SessionCarriesItsKindOfKey()
    {
        var (user, _) = await UserWithRecoveryCodesAsync();

        var verdict = await _services.InRequestAsync(provider =>
            provider.GetRequiredService<SecondFactorCheck>().PasskeyAsync(user, AuthenticationMethods.HardwareKey));

        Assert.True(verdict.IsAccepted);
        Assert.Contains(AuthenticationMethods.HardwareKey, verdict.Amr);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<(ApplicationUser User, IReadOnlyList<string> Codes)> UserWithRecoveryCodesAsync()
    {
        var user = await _services.AddUserAsync("ada");
        var codes = await _services.InRequestAsync(provider =>
            provider.GetRequiredService<RecoveryCodeService>().ReplaceAsync(user.Id, CancellationToken.None));
        return (user, codes);
    }

    // Each request reads the user afresh, as the pending sign-in does.
    private Task<SecondFactorVerdict> VerifyAsync(ApplicationUser user, string code) =>
        _services.InRequestAsync(async provider =>
        {
            var current = await provider.GetRequiredService<IdpUserManager>().FindByIdAsync(user.Id);
            return await provider.GetRequiredService<SecondFactorCheck>()
                .VerifyCodeAsync(current!, SecondFactorMethod.Recovery, code, CancellationToken.None);
        });

    private Task<bool> MaySignInAsync(ApplicationUser user) =>
        _services.InRequestAsync(async provider =>
        {
            var current = await provider.GetRequiredService<IdpUserManager>().FindByIdAsync(user.Id);
            return await provider.GetRequiredService<SignInEligibility>().MaySignInAsync(current!);
        });
}
