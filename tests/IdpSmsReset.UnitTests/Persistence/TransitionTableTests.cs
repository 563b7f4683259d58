using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class TransitionTableTests
{
    public enum Light
    {
        Off,
        On,
        Broken,
    }

    public enum Switch
    {
        TurnOn,
        Break,
    }

    public sealed class Lamp
    {
        public Light State { get; set; }
    }

    private static readonly TransitionTable<Lamp, Light, Switch> Table = new(lamp => lamp.State,
        new Dictionary<Switch, (Light[], Light)>
        {
            [Switch.TurnOn] = ([Light.Off], Light.On),
            [Switch.Break] = ([Light.Off, Light.On], Light.Broken),
        });

    [Theory]
    [InlineData(Light.Off, Switch.TurnOn, true)]
    [InlineData(Light.On, Switch.TurnOn, false)]
    [InlineData(Light.Broken, Switch.Break, false)]
    [InlineData(Light.On, Switch.Break, true)]
    public void IsAllowed_CompiledAsTheDatabaseWouldEvaluateIt_AgreesWithAllows(Light state, Switch trigger, bool allowed)
    {
        var guard = Table.IsAllowed(trigger).Compile();

        Assert.Equal(allowed, guard(new Lamp { State = state }));
        Assert.Equal(allowed, Table.Allows(state, trigger));
    }

    [Fact]
    public void To_EachTrigger_WhereItLeads() => Assert.Equal((Light.On, Light.Broken), (Table.To(Switch.TurnOn), Table.To(Switch.Break)));

    [Fact]
    public void New_ATriggerWithoutItsRow_RefusedNamingIt()
    {
        var refusal = Assert.Throws<ArgumentException>(() => new TransitionTable<Lamp, Light, Switch>(lamp => lamp.State,
            new Dictionary<Switch, (Light[], Light)> { [Switch.TurnOn] = ([Light.Off], Light.On) }));

        Assert.Contains("no row for Break", refusal.Message);
    }

    [Fact]
    public void From_ATriggerOutsideTheEnum_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Table.From((Switch)42));
}
