namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:Jobs</c> configuration section: Hangfire's worker in this instance.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Idp:Jobs";

    /// <summary>
    /// <c>Idp:Jobs:RunServer</c>: whether this instance processes jobs. Default: true. An instance with false still
    /// enqueues; another instance (or this one after a restart) runs what it enqueued.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// <c>Idp:Jobs:WorkerCount</c>: jobs processed at once. Default: 20. An SMS send mostly waits for Twilio's answer
    /// (a few hundred milliseconds), not the CPU: with 4 workers a burst of 1,000 codes queued for seconds.
    /// </summary>
    public int WorkerCount { get; set; } = 20;

    /// <summary>
    /// <c>Idp:Jobs:KeepEndedFor</c>: how long an ended token, authorization, session, SMS challenge or reset flow is kept
    /// before the hourly prune deletes it. Default: 1 day. Allowed: 1 hour to 365 days.
    /// </summary>
    public TimeSpan KeepEndedFor { get; set; } = TimeSpan.FromDays(1);
}
