namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The real clock, moved forward by what the test says: cooldowns and code lifetimes pass without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
