using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// A message queued (its id), held by the fraud guard (its id too: it is sent if an administrator releases it, so what it
/// carries must be kept as for a queued one), or refused (why).
/// </summary>
public sealed record SmsEnqueueResult(Guid? MessageId, Problem? Problem, bool Held = false)
{
    public static SmsEnqueueResult Queued(Guid id) => new(id, null);

    public static SmsEnqueueResult HeldBack(Guid id) => new(id, null, Held: true);

    public static SmsEnqueueResult Refused(Problem problem) => new(null, problem);
}
