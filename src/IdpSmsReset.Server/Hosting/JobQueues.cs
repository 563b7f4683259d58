namespace IdpSmsReset.Server.Hosting;

/// <summary>The queues, most urgent first: a user is waiting for an SMS code.</summary>
public static class JobQueues
{
    public const string Sms = IdpSmsReset.Core.Messaging.SmsDispatchJob.Queue;

    /// <summary>
    /// Reset-code decisions run one at a time (their limits are counted exactly), so they have a queue and a single
    /// worker of their own: twenty workers contending for the job's distributed lock cost CPU and database round trips.
    /// </summary>
    public const string ResetCodes = IdpSmsReset.Core.Recovery.PasswordResetCodeJob.Queue;
    public const string Default = "default";

    public static readonly string[] ByPriority = [Sms, Default];
}
