using IdpSmsReset.Core.Limits;

namespace IdpSmsReset.UnitTests.Limits;

public sealed class BudgetTests
{
    [Fact]
    public void Window_LongerThanThePruneKeeps_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Budget("test/too-long", 1, Budget.LongestWindow + TimeSpan.FromSeconds(1)));

    [Fact]
    public void Window_AsLongAsThePruneKeeps_Kept() =>
        Assert.Equal(Budget.LongestWindow, new Budget("test/a-day", 1, Budget.LongestWindow).Window);
}
