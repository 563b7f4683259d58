using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Overview;

/// <summary>The counts that matter, and a warning when policies use an SMS factor that cannot send.</summary>
public sealed class OverviewModel(AdminOverview overview, AdminActivity activity) : PageModel
{
    public const string SmsFactorWarning =
        "The SMS factor is enabled in a policy, but Twilio is not validated: SMS codes and SMS password reset do not work.";

    public int Users { get; private set; }

    public int Policies { get; private set; }

    public int MessagesSent { get; private set; }

    public int MessagesFailed { get; private set; }

    public int ResetsCompleted { get; private set; }

    public int LockedUsers { get; private set; }

    public bool ShowSmsWarning { get; private set; }

    /// <summary>The charts of the last 24 hours, then of the last 7 days (SVG markup, drawn by <see cref="ActivityChart"/>).</summary>
    public IReadOnlyList<(string Window, IReadOnlyList<string> Charts)> Charts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var counts = await overview.ReadAsync(HttpContext.RequestAborted);
        (Users, Policies, MessagesSent, MessagesFailed, ResetsCompleted, LockedUsers, ShowSmsWarning) =
            (counts.Users, counts.Policies, counts.MessagesSent, counts.MessagesFailed, counts.ResetsCompleted, counts.LockedUsers,
                counts.SmsFactorUnusable);
        Charts =
        [
            ("Last 24 hours (UTC)", ChartsOf("day", await activity.LastDayAsync(HttpContext.RequestAborted), "HH:00")),
            ("Last 7 days (UTC)", ChartsOf("week", await activity.LastWeekAsync(HttpContext.RequestAborted), "ddd d MMM")),
        ];
    }

    private static IReadOnlyList<string> ChartsOf(string window, ActivitySeries series, string labelFormat)
    {
        var labels = series.Starts.Select(start => start.ToString(labelFormat, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return
        [
            ActivityChart.Render($"chart-{window}-sign-ins", "Sign-ins", labels, [("Sign-ins", "series-1", Values(series.SignIns))],
                "sign-ins"),
            ActivityChart.Render($"chart-{window}-resets", "Password reset funnel", labels,
            [
                ("Requested", "series-2", Values(series.ResetsRequested)),
                ("Code sent", "series-4", Values(series.ResetCodesSent)),
                ("Completed", "series-1", Values(series.ResetsCompleted)),
            ], "resets"),
            ActivityChart.Render($"chart-{window}-sms", "SMS sent and failed", labels,
                [("Sent", "series-1", Values(series.SmsSent)), ("Failed or expired", "series-3", Values(series.SmsFailed))], "messages"),
            ActivityChart.Render($"chart-{window}-latency", "SMS delivery latency (median, queued to accepted)", labels,
                [("Median", "series-1", series.SmsLatencySeconds)], "seconds"),
        ];
    }

    private static IReadOnlyList<double?> Values(IReadOnlyList<int> counts) => [.. counts.Select(count => (double?)count)];
}
