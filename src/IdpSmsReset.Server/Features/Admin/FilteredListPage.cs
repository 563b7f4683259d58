using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// A log page (messages, audit): newest first, a page at a time, filtered by date. Filters come from the query string
/// and are read leniently: what cannot be understood is said and ignored.
/// </summary>
public abstract class FilteredListPage : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public int PageNumber { get; private set; }

    public bool HasMore { get; private set; }

    public string? FilterProblem { get; protected set; }

    /// <summary>Keeps the rows from <see cref="FromDate"/> to the end of <see cref="ToDate"/> (UTC days).</summary>
    protected IQueryable<T> WithinDates<T>(IQueryable<T> rows, Expression<Func<T, DateTime>> when)
    {
        var problem = FilterProblem;
        if (ListQuery.Date(FromDate, "from", ref problem) is { } from)
        {
            rows = rows.Where(Compare(when, from, atLeast: true));
        }

        if (ListQuery.Date(ToDate, "to", ref problem) is { } to)
        {
            rows = rows.Where(Compare(when, to.AddDays(1), atLeast: false));
        }

        FilterProblem = problem;
        return rows;
    }

    /// <summary>The page asked for (<see cref="PageText"/>), and whether an older page follows.</summary>
    protected async Task<List<T>> PageOfAsync<T>(IOrderedQueryable<T> rows)
    {
        PageNumber = ListQuery.Page(PageText);
        var page = await rows.Skip((PageNumber - 1) * ListQuery.PageSize).Take(ListQuery.PageSize + 1)
            .ToListAsync(HttpContext.RequestAborted);
        HasMore = page.Count > ListQuery.PageSize;
        return page.Take(ListQuery.PageSize).ToList();
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> when, DateTime bound, bool atLeast)
    {
        var value = Expression.Constant(bound);
        Expression body = atLeast ? Expression.GreaterThanOrEqual(when.Body, value) : Expression.LessThan(when.Body, value);
        return Expression.Lambda<Func<T, bool>>(body, when.Parameters);
    }
}
