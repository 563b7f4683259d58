using IdpSmsReset.Core.Events;

namespace IdpSmsReset.UnitTests.Events;

public sealed class EventFilterTests
{
    [Theory]
    [InlineData("sign-in.failed", "sign-in.failed", true)]
    [InlineData("sign-in.failed", "sign-in.succeeded", false)]
    [InlineData("user.*", "user.disabled", true)]
    [InlineData("user.*", "sign-in.failed", false)]
    [InlineData("*", "keys.rotated", true)]
    [InlineData("user.* , password.changed", "password.changed", true)]
    public void Matches_TypesPrefixesAndEverything(string filter, string eventType, bool matches) =>
        Assert.Equal(matches, EventFilter.Parse(filter).Matches(eventType));

    [Fact]
    public void ProblemOf_ATypo_NamesIt_APrefixOfRealEvents_None()
    {
        Assert.Contains("'sign-in.faild' names no event", EventFilter.ProblemOf("sign-in.faild"));
        Assert.Null(EventFilter.ProblemOf("user.*"));
        Assert.Null(EventFilter.ProblemOf("*"));
    }
}
