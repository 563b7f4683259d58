using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// What the SMS fraud guard allows: one row, set by the bootstrap (<c>smsFraudGuard</c>), the dashboard's factors page or
/// the management API. Budgets ceil what an attacker can spend however many accounts and addresses it has; the defaults
/// below hold until an administrator sets others. Windows are whole UTC hours: a day is the current hour and the 23
/// before it, so a budget never resets all at once at midnight.
/// </summary>
public sealed class SmsFraudGuardSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Off: no budgets and no surge detection (number types are refused all the same). Default: on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages a day to one country without an override. Default 500: a busy office, not a pumping run.</summary>
    public int DailyPerCountry { get; set; } = 500;

    /// <summary>Per-country daily budgets, <c>US=5000,NG=20</c> (ISO 3166 alpha-2).</summary>
    public string CountryBudgets { get; set; } = "";

    /// <summary>Messages a day in all. Default 5,000.</summary>
    public int DailyTotal { get; set; } = 5000;

    /// <summary>
    /// Messages an hour to numbers sharing their first <see cref="PrefixDigits"/> national digits: pumping ranges are
    /// sold by prefix, so one attack lands in few. Default 20.
    /// </summary>
    public int HourlyPerPrefix { get; set; } = 20;

    /// <summary>How many digits of the national number make a prefix. Default 6.</summary>
    public int PrefixDigits { get; set; } = 6;

    /// <summary>
    /// A country's last hour above this many times the median of the same hour on the 7 days before (and at least
    /// <see cref="SurgeMinimum"/> messages) is suspected. Default 5.
    /// </summary>
    public double SurgeFactor { get; set; } = 5;

    /// <summary>Fewer messages in an hour are never a surge, whatever the baseline. 20.</summary>
    public const int SurgeMinimum = 20;

    /// <summary>Whether VoIP numbers may receive codes. Default: yes (many people's only number is one).</summary>
    public bool AllowVoip { get; set; } = true;

    /// <summary>
    /// The estimated price of one message where <see cref="Prices"/> names none, for the dashboard's cost column.
    /// Default 0.25: above what Twilio charges for most countries, so an estimate errs high.
    /// </summary>
    public decimal DefaultPrice { get; set; } = 0.25m;

    /// <summary>Per-country prices, <c>US=0.0083,GB=0.0463</c>.</summary>
    public string Prices { get; set; } = "";

    /// <summary>The currency of the prices, as the dashboard shows it. Default USD.</summary>
    public string Currency { get; set; } = "USD";

    public DateTime UpdatedAt { get; set; }

    /// <summary>The share of a budget kept for sign-in and phone verification codes: reset codes stop 10% short.</summary>
    public const int ReservePercent = 10;

    public int DailyBudgetOf(string country) =>
        CountryTable.Parse(CountryBudgets).TryGetValue(country, out var budget) ? (int)budget : DailyPerCountry;

    public decimal PriceOf(string country) =>
        CountryTable.Parse(Prices).TryGetValue(country, out var price) ? price : DefaultPrice;
}

internal sealed class SmsFraudGuardSettingsConfiguration : IEntityTypeConfiguration<SmsFraudGuardSettings>
{
    public void Configure(EntityTypeBuilder<SmsFraudGuardSettings> entity)
    {
        entity.ToTable("SmsFraudGuardSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
        entity.Property(settings => settings.CountryBudgets).HasMaxLength(4096);
        entity.Property(settings => settings.Prices).HasMaxLength(4096);
        entity.Property(settings => settings.Currency).HasMaxLength(3);
        entity.Property(settings => settings.DefaultPrice).HasPrecision(12, 5);
    }
}
