using IdpSmsReset.Core.Recovery;

namespace IdpSmsReset.UnitTests.Recovery;

public sealed class PasswordResetLimitsTests
{
    [Fact]
    public void Validate_Defaults_NoProblem() => Assert.Empty(new PasswordResetLimits().Validate());

    [Theory]
    [InlineData(nameof(PasswordResetLimits.PerIpAddressPerHour), 0,
        "Idp:PasswordReset:Limits:PerIpAddressPerHour must be between 1 and 10000; it is 0.")]
    [InlineData(nameof(PasswordResetLimits.PerDestinationPerHour), 101,
        "Idp:PasswordReset:Limits:PerDestinationPerHour must be between 1 and 100; it is 101.")]
    [InlineData(nameof(PasswordResetLimits.PerCountryPerHour), 0,
        "Idp:PasswordReset:Limits:PerCountryPerHour must be between 1 and 1000000; it is 0.")]
    [InlineData(nameof(PasswordResetLimits.FlowLifetimeMinutes), 4,
        "Idp:PasswordReset:Limits:FlowLifetimeMinutes must be between 5 and 1440; it is 4.")]
    [InlineData(nameof(PasswordResetLimits.NewPasswordWithinMinutes), 61,
        "Idp:PasswordReset:Limits:NewPasswordWithinMinutes must be between 1 and 60; it is 61.")]
    public void Validate_OutOfRange_NamesTheSettingAndTheRange(string setting, int value, string problem)
    {
        var limits = new PasswordResetLimits();
        typeof(PasswordResetLimits).GetProperty(setting)!.SetValue(limits, value);

        Assert.Equal([problem], limits.Validate());
    }
}
