using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>The shape rules of the guard's settings: one place for the bootstrap, the dashboard and the API.</summary>
public static class SmsFraudGuardRules
{
    public const int MaxBudget = 10_000_000;

    /// <summary>Problems by field name (camelCase, as in the bootstrap file and the API).</summary>
    public static IReadOnlyList<FieldProblem> Validate(SmsFraudGuardDefinition definition)
    {
        var problems = new List<FieldProblem>();
        foreach (var (country, budget) in definition.DailyMessagesPerCountry ?? [])
        {
            CheckCountry(problems, "dailyMessagesPerCountry", country);
            if (budget is < 1 or > MaxBudget)
            {
                problems.Add(new($"dailyMessagesPerCountry.{country}", $"must be between 1 and {MaxBudget:N0} messages a day."));
            }
        }

        if (definition.DailyMessagesTotal is < 1 or > MaxBudget)
        {
            problems.Add(new("dailyMessagesTotal", $"must be between 1 and {MaxBudget:N0} messages a day."));
        }

        if (definition.HourlyMessagesPerPrefix is < 1 or > MaxBudget)
        {
            problems.Add(new("hourlyMessagesPerPrefix", $"must be between 1 and {MaxBudget:N0} messages an hour."));
        }

        if (definition.PrefixDigits is < 3 or > 10)
        {
            problems.Add(new("prefixDigits", "must be between 3 and 10 digits."));
        }

        if (definition.SurgeFactor is { } factor && (double.IsNaN(factor) || factor < 1.5 || factor > 100))
        {
            problems.Add(new("surgeFactor", "must be between 1.5 and 100 (times the week's median)."));
        }

        foreach (var (country, price) in definition.PricePerMessage ?? [])
        {
            CheckCountry(problems, "pricePerMessage", country);
            if (price is < 0 or > 100)
            {
                problems.Add(new($"pricePerMessage.{country}", "must be between 0 and 100 per message."));
            }
        }

        if (definition.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            problems.Add(new("currency", "must be a three-letter ISO 4217 code, such as USD or EUR."));
        }

        return problems;
    }

    private static void CheckCountry(List<FieldProblem> problems, string field, string country)
    {
        if (!country.Equals(SmsFraudGuardDefinition.DefaultKey, StringComparison.OrdinalIgnoreCase)
            && (country.Length != 2 || !PhoneNumberRules.IsKnownCountry(country)))
        {
            problems.Add(new($"{field}.{country}", "is neither 'default' nor an ISO 3166 country code such as US or NG."));
        }
    }
}
