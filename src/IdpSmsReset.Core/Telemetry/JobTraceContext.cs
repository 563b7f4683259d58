using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Server;

namespace IdpSmsReset.Core.Telemetry;

/// <summary>
/// Carries the trace of the request (or job) that enqueued a Hangfire job into the job, so one trace shows a
/// forgot-password request through its jobs to Twilio's POST: the enqueuing activity's W3C <c>traceparent</c> rides as a
/// job parameter, and the job runs under an activity of <see cref="Source"/> that continues it. No instrumentation
/// package exists for Hangfire; this filter is ours.
/// </summary>
public sealed class JobTraceContext(IdpMetrics metrics) : IClientFilter, IServerFilter
{
    /// <summary>The activity source of the product's own spans (the meter's name).</summary>
    public static readonly ActivitySource Source = new(IdpMetrics.MeterName);

    private const string Parameter = "traceparent";
    private const string ActivityItem = "idp.activity";

    public void OnCreating(CreatingContext context)
    {
        if (Activity.Current?.Id is { } traceParent)
        {
            context.SetJobParameter(Parameter, traceParent);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ActivityContext.TryParse(context.GetJobParameter<string>(Parameter), traceState: null, out var parent);
        var activity = Source.StartActivity($"job {context.BackgroundJob.Job.Type.Name}", ActivityKind.Consumer, parent);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Exception is not null && !context.ExceptionHandled)
        {
            metrics.JobFailed(context.BackgroundJob.Job.Type.Name);
        }

        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, context.Exception.GetType().Name);
            }


            activity.Dispose();
        }
    }
}
