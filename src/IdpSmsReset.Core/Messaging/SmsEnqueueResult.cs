using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Messaging;

/// <summary>A message queued (its id), or refused (why).</summary>
public sealed record SmsEnqueueResult(Guid? MessageId, Problem? Problem)
{
    public static SmsEnqueueResult Queued(Guid id) => new(id, null);

    public static SmsEnqueueResult Refused(Problem problem) => new(null, problem);
}
