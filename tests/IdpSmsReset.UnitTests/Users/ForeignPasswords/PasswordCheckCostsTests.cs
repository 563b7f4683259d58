using IdpSmsReset.Core.Users.ForeignPasswords;

namespace IdpSmsReset.UnitTests.Users.ForeignPasswords;

/// <summary>The floor every wrong password is held back to: the slowest kind of check, each kind from its second check on.</summary>
public sealed class PasswordCheckCostsTests
{
    private static readonly TimeSpan Native = TimeSpan.FromMilliseconds(70);

    [Fact]
    public void Floor_ADearerImportedKindSeenTwice_BecomesTheFloorForEveryone()
    {
        var costs = new PasswordCheckCosts(() => Native);
        var nativeOnly = costs.Floor;

        costs.Observe("bcrypt-10", TimeSpan.FromMilliseconds(400));
        var afterItsFirstCheck = costs.Floor;
        costs.Observe("bcrypt-10", TimeSpan.FromMilliseconds(90));

        Assert.Equal(Native, nativeOnly);
        Assert.Equal(Native, afterItsFirstCheck);
        Assert.Equal(TimeSpan.FromMilliseconds(90), costs.Floor);
    }

    [Fact]
    public void Floor_ACheaperKind_LeavesTheNativeFloor()
    {
        var costs = new PasswordCheckCosts(() => Native);

        costs.Observe("pbkdf2-sha256-27500-64", TimeSpan.FromMilliseconds(20));
        costs.Observe("pbkdf2-sha256-27500-64", TimeSpan.FromMilliseconds(20));

        Assert.Equal(Native, costs.Floor);
    }

    [Fact]
    public void Floor_NativeChecksSlower_FollowsThemAFifthAtATime()
    {
        var costs = new PasswordCheckCosts(() => Native);
        _ = costs.Floor;

        costs.Observe(PasswordCheckCosts.Native, TimeSpan.FromMilliseconds(120));

        Assert.Equal(TimeSpan.FromMilliseconds(80), costs.Floor);
    }
}
