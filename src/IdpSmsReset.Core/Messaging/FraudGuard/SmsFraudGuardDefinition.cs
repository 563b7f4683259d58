namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// The guard's settings as the bootstrap file (<c>smsFraudGuard</c>) and the management API write them. A field left
/// out takes its default (<see cref="SmsFraudGuardSettings"/>); in both maps the key <c>default</c> stands for every
/// country not named.
/// </summary>
public sealed class SmsFraudGuardDefinition
{
    public const string DefaultKey = "default";

    public bool? Enabled { get; init; }

    /// <summary><c>{"default": 500, "US": 5000}</c>.</summary>
    public Dictionary<string, int>? DailyMessagesPerCountry { get; init; }

    public int? DailyMessagesTotal { get; init; }

    public int? HourlyMessagesPerPrefix { get; init; }

    public int? PrefixDigits { get; init; }

    public double? SurgeFactor { get; init; }

    public bool? AllowVoip { get; init; }

    /// <summary><c>{"default": 0.25, "US": 0.0083}</c>: estimates for the dashboard, in <see cref="Currency"/>.</summary>
    public Dictionary<string, decimal>? PricePerMessage { get; init; }

    public string? Currency { get; init; }

    public static SmsFraudGuardDefinition Of(SmsFraudGuardSettings settings) => new()
    {
        Enabled = settings.Enabled,
        DailyMessagesPerCountry = WithDefault(settings.DailyPerCountry, CountryTable.Parse(settings.CountryBudgets))
            .ToDictionary(entry => entry.Key, entry => (int)entry.Value),
        DailyMessagesTotal = settings.DailyTotal,
        HourlyMessagesPerPrefix = settings.HourlyPerPrefix,
        PrefixDigits = settings.PrefixDigits,
        SurgeFactor = settings.SurgeFactor,
        AllowVoip = settings.AllowVoip,
        PricePerMessage = WithDefault(settings.DefaultPrice, CountryTable.Parse(settings.Prices)),
        Currency = settings.Currency,
    };

    /// <summary>Writes what this definition says onto <paramref name="settings"/>; what it leaves out takes the default.</summary>
    public void ApplyTo(SmsFraudGuardSettings settings)
    {
        var defaults = new SmsFraudGuardSettings();
        settings.Enabled = Enabled ?? defaults.Enabled;
        settings.DailyPerCountry = DailyMessagesPerCountry?.GetValueOrDefault(DefaultKey) is > 0 and var daily
            ? daily : defaults.DailyPerCountry;
        settings.CountryBudgets = CountryTable.Write(Countries(DailyMessagesPerCountry?.ToDictionary(e => e.Key, e => (decimal)e.Value)));
        settings.DailyTotal = DailyMessagesTotal ?? defaults.DailyTotal;
        settings.HourlyPerPrefix = HourlyMessagesPerPrefix ?? defaults.HourlyPerPrefix;
        settings.PrefixDigits = PrefixDigits ?? defaults.PrefixDigits;
        settings.SurgeFactor = SurgeFactor ?? defaults.SurgeFactor;
        settings.AllowVoip = AllowVoip ?? defaults.AllowVoip;
        settings.DefaultPrice = PricePerMessage?.TryGetValue(DefaultKey, out var price) == true ? price : defaults.DefaultPrice;
        settings.Prices = CountryTable.Write(Countries(PricePerMessage));
        settings.Currency = (Currency ?? defaults.Currency).ToUpperInvariant();
    }

    private static IEnumerable<KeyValuePair<string, decimal>> Countries(Dictionary<string, decimal>? map) =>
        map?.Where(entry => !entry.Key.Equals(DefaultKey, StringComparison.OrdinalIgnoreCase)) ?? [];

    private static Dictionary<string, decimal> WithDefault(decimal value, IReadOnlyDictionary<string, decimal> countries) =>
        new[] { KeyValuePair.Create(DefaultKey, value) }.Concat(countries).ToDictionary(entry => entry.Key, entry => entry.Value);
}
