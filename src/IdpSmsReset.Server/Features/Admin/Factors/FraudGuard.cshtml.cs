using System.Globalization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Core.Problems;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Factors;

/// <summary>The SMS factor's fraud guard: budgets, surge factor, VoIP and the price table; saved through Core's command.</summary>
public sealed class FraudGuardModel(
    SmsFraudGuardAdministration guard, AdminChanges changes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public FraudGuardForm Guard { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Guard = FraudGuardForm.Of(await guard.GetAsync(HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (definition, problems) = Guard.ToDefinition();
        var result = definition is null ? CommandResult.Refused(problems)
            : await guard.SaveAsync(definition, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(FraudGuardForm.KeyOf(field), $"{field}: {localizer[problem]}");
            }

            return Page();
        }

        Notice = localizer["The fraud guard's settings are saved; they apply to the next message on every instance."];
        return RedirectToPage();
    }
}

/// <summary>
/// The fraud guard's settings as typed: the per-country budgets and prices are one line per country
/// (<c>US 5000</c>), so any number of countries fits one field and a typo names its line.
/// </summary>
public sealed class FraudGuardForm
{
    public bool Enabled { get; set; } = true;

    public int? DailyPerCountry { get; set; }

    public string? CountryBudgets { get; set; }

    public int? DailyTotal { get; set; }

    public int? HourlyPerPrefix { get; set; }

    public int? PrefixDigits { get; set; }

    public double? SurgeFactor { get; set; }

    public bool AllowVoip { get; set; } = true;

    public decimal? DefaultPrice { get; set; }

    public string? Prices { get; set; }

    public string? Currency { get; set; }

    public static FraudGuardForm Of(SmsFraudGuardDefinition definition) => new()
    {
        Enabled = definition.Enabled ?? true,
        DailyPerCountry = definition.DailyMessagesPerCountry?.GetValueOrDefault(SmsFraudGuardDefinition.DefaultKey),
        CountryBudgets = Lines(definition.DailyMessagesPerCountry?.ToDictionary(entry => entry.Key, entry => (decimal)entry.Value)),
        DailyTotal = definition.DailyMessagesTotal,
        HourlyPerPrefix = definition.HourlyMessagesPerPrefix,
        PrefixDigits = definition.PrefixDigits,
        SurgeFactor = definition.SurgeFactor,
        AllowVoip = definition.AllowVoip ?? true,
        DefaultPrice = definition.PricePerMessage?.GetValueOrDefault(SmsFraudGuardDefinition.DefaultKey),
        Prices = Lines(definition.PricePerMessage),
        Currency = definition.Currency,
    };

    /// <summary>The definition, or the lines that could not be read (by form field).</summary>
    public (SmsFraudGuardDefinition? Definition, IReadOnlyList<FieldProblem> Problems) ToDefinition()
    {
        var problems = new List<FieldProblem>();
        var budgets = Read(CountryBudgets, nameof(CountryBudgets), problems);
        var prices = Read(Prices, nameof(Prices), problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        if (DailyPerCountry is { } daily)
        {
            budgets[SmsFraudGuardDefinition.DefaultKey] = daily;
        }

        if (DefaultPrice is { } price)
        {
            prices[SmsFraudGuardDefinition.DefaultKey] = price;
        }

        return (new SmsFraudGuardDefinition
        {
            Enabled = Enabled,
            DailyMessagesPerCountry = budgets.ToDictionary(entry => entry.Key, entry => (int)Math.Min(entry.Value, int.MaxValue)),
            DailyMessagesTotal = DailyTotal,
            HourlyMessagesPerPrefix = HourlyPerPrefix,
            PrefixDigits = PrefixDigits,
            SurgeFactor = SurgeFactor,
            AllowVoip = AllowVoip,
            PricePerMessage = prices,
            Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim(),
        }, []);
    }

    /// <summary>The form field of a rule's field name (<c>dailyMessagesPerCountry.NG</c> → <c>Guard.CountryBudgets</c>).</summary>
    public static string KeyOf(string field) => "Guard." + (field switch
    {
        _ when field.StartsWith("dailyMessagesPerCountry.default", StringComparison.Ordinal) => nameof(DailyPerCountry),
        _ when field.StartsWith("dailyMessagesPerCountry", StringComparison.Ordinal) => nameof(CountryBudgets),
        _ when field.StartsWith("pricePerMessage.default", StringComparison.Ordinal) => nameof(DefaultPrice),
        _ when field.StartsWith("pricePerMessage", StringComparison.Ordinal) => nameof(Prices),
        "dailyMessagesTotal" => nameof(DailyTotal),
        "hourlyMessagesPerPrefix" => nameof(HourlyPerPrefix),
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    });

    private static string Lines(Dictionary<string, decimal>? map) => string.Join("\n", (map ?? [])
        .Where(entry => entry.Key != SmsFraudGuardDefinition.DefaultKey)
        .OrderBy(entry => entry.Key, StringComparer.Ordinal)
        .Select(entry => $"{entry.Key} {entry.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static Dictionary<string, decimal> Read(string? text, string field, List<FieldProblem> problems)
    {
        var entries = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var lines = (text ?? "").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var parts = lines[index].Split([' ', '\t', '=', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new(field, $"line {index + 1} is not a country code and a number, such as 'US 5000'."));
                continue;
            }

            entries[parts[0].ToUpperInvariant()] = value;
        }

        return entries;
    }
}
