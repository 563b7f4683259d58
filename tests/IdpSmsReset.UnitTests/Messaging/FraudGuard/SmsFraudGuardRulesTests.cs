using IdpSmsReset.Core.Messaging.FraudGuard;

namespace IdpSmsReset.UnitTests.Messaging.FraudGuard;

public sealed class SmsFraudGuardRulesTests
{
    [Fact]
    public void Validate_EveryFieldOutOfRange_EachNamedWithWhatIsAccepted()
    {
        var problems = SmsFraudGuardRules.Validate(new SmsFraudGuardDefinition
        {
            DailyMessagesPerCountry = new() { ["default"] = 0, ["XX"] = 5 },
            DailyMessagesTotal = -1,
            HourlyMessagesPerPrefix = 0,
            PrefixDigits = 2,
            SurgeFactor = 1,
            PricePerMessage = new() { ["US"] = -0.01m },
            Currency = "dollars",
        });

        Assert.Equal(
        [
            "dailyMessagesPerCountry.default", "dailyMessagesPerCountry.XX", "dailyMessagesTotal", "hourlyMessagesPerPrefix",
            "prefixDigits", "surgeFactor", "pricePerMessage.US", "currency",
        ], problems.Select(problem => problem.Field));
        Assert.Contains(problems, problem => problem.Problem == "is neither 'default' nor an ISO 3166 country code such as US or NG.");
    }

    [Fact]
    public void ApplyTo_DefinitionWithSomeFields_TheRestTakeTheirDefaultsAndCountriesReadBack()
    {
        var settings = new SmsFraudGuardSettings { DailyTotal = 1, SurgeFactor = 9 };

        new SmsFraudGuardDefinition
        {
            DailyMessagesPerCountry = new() { ["default"] = 200, ["us"] = 5000 },
            PricePerMessage = new() { ["NG"] = 0.3m },
        }.ApplyTo(settings);

        Assert.Equal(200, settings.DailyBudgetOf("FR"));
        Assert.Equal(5000, settings.DailyBudgetOf("US"));
        Assert.Equal(new SmsFraudGuardSettings().DailyTotal, settings.DailyTotal);
        Assert.Equal(5, settings.SurgeFactor);
        Assert.Equal(0.3m, settings.PriceOf("NG"));
        Assert.Equal(0.25m, settings.PriceOf("US"));
        Assert.Equal(5000, SmsFraudGuardDefinition.Of(settings).DailyMessagesPerCountry!["US"]);
    }
}
