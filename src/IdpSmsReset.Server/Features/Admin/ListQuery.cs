using System.Globalization;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// Paging and date filters from a query string, read leniently: anything unreadable is ignored (and said so), never
/// a 500.
/// </summary>
public static class ListQuery
{
    public const int PageSize = 50;

    public static int Page(string? value) => int.TryParse(value, out var page) && page > 0 ? Math.Min(page, 100_000) : 1;

    /// <summary>A date (yyyy-MM-dd, UTC) or null; what was not understood is added to <paramref name="problem"/>.</summary>
    /// <param name="consequence">What becomes of the filter: a page ignores it, an export refuses to run.</param>
    public static DateTime? Date(string? value, string name, ref string? problem, string consequence = "is ignored")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        var said = $"'{value}' is not a date like 2026-11-25; the {name} filter {consequence}.";
        problem = problem is null ? said : $"{problem} {said}";
        return null;
    }
}
