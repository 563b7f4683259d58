namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Jobs</c> configuration section: Hangfire's worker in this instance.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// <c>Jobs:RunServer</c>: whether this instance processes jobs. Default: true. An instance with false still
    /// enqueues; another instance (or this one after a restart) runs what it enqueued.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary><c>Jobs:WorkerCount</c>: jobs processed at once. Default: 4 (SMS sends wait on the network, not the CPU).</summary>
    public int WorkerCount { get; set; } = 4;
}

/// <summary>The queues, most urgent first: a user is waiting for an SMS code.</summary>
public static class JobQueues
{
    public const string Sms = IdpSmsReset.Core.Messaging.SmsDispatchJob.Queue;
    public const string Default = "default";

    public static readonly string[] ByPriority = [Sms, Default];
}
