using IdpSmsReset.Core.Messaging.FraudGuard;

namespace IdpSmsReset.UnitTests.Messaging.FraudGuard;

public sealed class SmsSurgeTests
{
    private static readonly DateTime HalfPastNoon = new(2026, 12, 6, 12, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void LastHour_HalfwayThroughTheHour_ThisHourAndHalfTheHourBefore() =>
        Assert.Equal(30 + 5, SmsSurge.LastHour(30, 10, HalfPastNoon));

    [Fact]
    public void Baseline_SevenDays_TheMedianOfTheSameWindowEachDay()
    {
        var week = new Dictionary<DateTime, int>();
        int[] noonCounts = [4, 6, 100, 5, 3, 7, 2]; // the median is 5: one odd day does not move it
        for (var day = 1; day <= 7; day++)
        {
            week[new DateTime(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc).AddDays(-day)] = noonCounts[day - 1];
        }

        Assert.Equal(5, SmsSurge.Baseline(week, HalfPastNoon));
    }

    [Theory]
    [InlineData(19, 0, false)] // fewer than 20 messages are never a surge
    [InlineData(20, 0, true)]
    [InlineData(50, 10, false)] // five times the median, not more
    [InlineData(51, 10, true)]
    public void IsSurge_LastHourAgainstTheBaseline_MoreThanFiveTimesAndAtLeastTwenty(double lastHour, double baseline, bool surge) =>
        Assert.Equal(surge, SmsSurge.IsSurge(lastHour, baseline, factor: 5));
}
