using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Overview;

/// <summary>The counts that matter, and a warning when policies use an SMS factor that cannot send.</summary>
public sealed class OverviewModel(AdminOverview overview, AdminActivity activity, IStringLocalizer<SharedResource> localizer,
    Microsoft.Extensions.Options.IOptions<IdpSmsReset.Core.Messaging.SmsBreakerOptions> breaker, TimeProvider time,
    IdpSmsReset.Core.Events.WebhookSubscriptions webhooks, IdpSmsReset.Core.Messaging.FraudGuard.SmsFraudGuardReport fraudGuard)
    : PageModel
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

    /// <summary>Each SMS account whose breaker ever opened: open now or not, and the last failover.</summary>
    public IReadOnlyList<(string Account, bool Open, DateTime? LastFailoverAt, string? LastFailure)> SmsAccounts
    {
        get;
        private set;
    } = [];

    /// <summary>Subscriptions the server turned off because their receiver kept failing: no event reaches them now.</summary>
    public IReadOnlyList<IdpSmsReset.Core.Events.WebhookSubscription> TurnedOffWebhooks { get; private set; } = [];

    /// <summary>How many messages the fraud guard holds (a budget was spent), and the countries whose surge mark lasts.</summary>
    public int HeldMessages { get; private set; }

    public IReadOnlyList<string> SurgingCountries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        TurnedOffWebhooks = await webhooks.TurnedOffAsync(HttpContext.RequestAborted);
        HeldMessages = (await fraudGuard.HeldAsync(HttpContext.RequestAborted)).Sum(group => group.Messages);
        SurgingCountries = [.. (await fraudGuard.ActiveSurgesAsync(HttpContext.RequestAborted))
            .Select(IdpSmsReset.Core.Messaging.FraudGuard.SmsScopes.CountryOf)];
        var now = time.GetUtcNow().UtcDateTime;
        SmsAccounts = [.. (await overview.SmsAccountsAsync(HttpContext.RequestAborted)).Select(health => (health.Account,
            IdpSmsReset.Core.Messaging.SmsAccountBreakers.IsOpen(health, now, breaker.Value.BreakDuration), health.LastFailoverAt,
            health.LastFailure))];
        var counts = await overview.ReadAsync(HttpContext.RequestAborted);
        (Users, Policies, MessagesSent, MessagesFailed, ResetsCompleted, LockedUsers, ShowSmsWarning) =
            (counts.Users, counts.Policies, counts.MessagesSent, counts.MessagesFailed, counts.ResetsCompleted, counts.LockedUsers,
                counts.SmsFactorUnusable);
        Charts =
        [
            (localizer["Last 24 hours (UTC)"], ChartsOf("day", await activity.LastDayAsync(HttpContext.RequestAborted), "HH:00")),
            (localizer["Last 7 days (UTC)"], ChartsOf("week", await activity.LastWeekAsync(HttpContext.RequestAborted), "ddd d MMM")),
        ];
    }

    private IReadOnlyList<string> ChartsOf(string window, ActivitySeries series, string labelFormat)
    {
        var labels = series.Starts.Select(start => start.ToString(labelFormat, System.Globalization.CultureInfo.CurrentCulture)).ToList();
        return
        [
            ActivityChart.Render($"chart-{window}-sign-ins", localizer["Sign-ins"], labels,
            [
                (localizer["Succeeded"], "series-1", Values(series.SignIns)),
                (localizer["Failed"], "series-3", Values(series.SignInFailures)),
            ], localizer["sign-in attempts"]),
            ActivityChart.Render($"chart-{window}-resets", localizer["Password reset funnel"], labels,
            [
                (localizer["Requested"], "series-2", Values(series.ResetsRequested)),
                (localizer["Code sent"], "series-4", Values(series.ResetCodesSent)),
                (localizer["Completed"], "series-1", Values(series.ResetsCompleted)),
            ], localizer["resets"]),
            ActivityChart.Render($"chart-{window}-sms", localizer["SMS sent and failed, by error class"], labels,
                [(localizer["Sent"], "series-1", Values(series.SmsSent)), .. FailureSeries(series)], localizer["SMS messages"]),
            ActivityChart.Render($"chart-{window}-latency", localizer["SMS delivery latency (median, queued to accepted)"], labels,
                [(localizer["Median"], "series-1", series.SmsLatencySeconds)], localizer["seconds"]),
        ];
    }

    // The two most frequent error classes get a bar of their own, the rest one together: the legend stays on one line.
    private IEnumerable<(string, string, IReadOnlyList<double?>)> FailureSeries(ActivitySeries series)
    {
        string[] colours = ["series-3", "series-5"];
        var shown = series.SmsFailedByClass.Take(colours.Length).Select((failures, index) =>
            (localizer["Failed: {0}", failures.ErrorClass].Value, colours[index], Values(failures.Counts)));
        var rest = series.SmsFailedByClass.Skip(colours.Length).ToList();
        return rest.Count == 0 ? shown : shown.Append((localizer["Failed: other"].Value, "series-2",
            [.. Enumerable.Range(0, series.Starts.Count).Select(index => (double?)rest.Sum(failures => failures.Counts[index]))]));
    }

    private static IReadOnlyList<double?> Values(IReadOnlyList<int> counts) => [.. counts.Select(count => (double?)count)];
}
