using IdpSmsReset.Core.Persistence;
using Npgsql;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class PostgreSqlConnectionTuningTests
{
    [Fact]
    public void Apply_PlainConnectionString_PreparesStatementsAndKeepsThemAcrossThePool()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            PostgreSqlConnectionTuning.Apply("Host=db;Username=idp;Password=secret;Database=idp"));

        Assert.Equal(PostgreSqlConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("secret", tuned.Password);
    }

    [Fact]
    public void Apply_OperatorChoseOtherwise_KeepsTheOperatorsValues()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionTuning.Apply(
            "Host=db;Username=idp;Database=idp;max auto prepare=0;NoResetOnClose=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
