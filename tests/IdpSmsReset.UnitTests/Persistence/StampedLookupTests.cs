using IdpSmsReset.Core.Persistence;
using IdpSmsReset.UnitTests.Mfa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class StampedLookupTests : IDisposable
{
    private readonly MfaTestDatabase _database = new();
    private readonly ChangeStamps _stamps;
    private int _reads;

    public StampedLookupTests()
    {
        var services = new ServiceCollection().AddScoped(_ => _database.NewContext()).BuildServiceProvider();
        _stamps = new ChangeStamps(services.GetRequiredService<IServiceScopeFactory>(), _database.Time,
            Microsoft.Extensions.Options.Options.Create(new CacheOptions()));
    }

    [Fact]
    public async Task GetAsync_SameStamp_ReadsOnce()
    {
        var lookup = NewLookup();

        var first = await lookup.GetAsync("demo", ReadAsync, _ => true, CancellationToken.None);
        var second = await lookup.GetAsync("demo", ReadAsync, _ => true, CancellationToken.None);

        Assert.Equal(("demo", 1), (first, _reads));
        Assert.Same(first, second);
    }

    [Fact]
    public async Task GetAsync_StampMovedElsewhere_ReadAgainOnceMaxAgePassed()
    {
        var lookup = NewLookup();
        await lookup.GetAsync("demo", ReadAsync, _ => true, CancellationToken.None);

        // Another instance's change: this process's own writes are not involved.
        await _database.Context.Set<ChangeStamp>().Where(stamp => stamp.Area == ChangeAreas.Applications)
            .ExecuteUpdateAsync(set => set.SetProperty(stamp => stamp.Version, stamp => stamp.Version + 1));
        _database.Time.Advance(_stamps.MaxAge);
        await lookup.GetAsync("demo", ReadAsync, _ => true, CancellationToken.None);

        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task GetAsync_ValueNotToBeKept_ReadEachTimeAndNotCounted()
    {
        var lookup = NewLookup();

        await lookup.GetAsync("made-up", ReadAsync, _ => false, CancellationToken.None);
        await lookup.GetAsync("made-up", ReadAsync, _ => false, CancellationToken.None);

        Assert.Equal((2, 0), (_reads, lookup.Count));
    }

    public void Dispose() => _database.Dispose();

    private StampedLookup<string, string> NewLookup() => new(_stamps, StringComparer.Ordinal, ChangeAreas.Applications);

    private Task<string> ReadAsync(string key, CancellationToken cancellationToken)
    {
        _reads++;
        return Task.FromResult(new string(key.AsSpan()));
    }
}
