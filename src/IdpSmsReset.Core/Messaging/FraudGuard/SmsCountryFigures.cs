namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>One country's row on the dashboard: what went (let through by the guard), what it cost, what waits.</summary>
public sealed record SmsCountryFigures(
    string Country, int LastDay, int LastWeek, int DailyBudget, int Held, bool Suspected, decimal Price)
{
    /// <summary>The share of the daily budget the last 24 hours used, in percent.</summary>
    public int BudgetUsedPercent => DailyBudget == 0 ? 0 : (int)Math.Round(100.0 * LastDay / DailyBudget);

    public decimal CostLastDay => LastDay * Price;

    public decimal CostLastWeek => LastWeek * Price;
}
