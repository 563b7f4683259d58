namespace IdpSmsReset.Core.Messaging;

public sealed record SmsEnqueueResult(Guid? MessageId, string? Problem)
{
    public static SmsEnqueueResult Queued(Guid id) => new(id, null);

    public static SmsEnqueueResult Refused(string problem) => new(null, problem);
}
