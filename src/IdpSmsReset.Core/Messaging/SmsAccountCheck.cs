namespace IdpSmsReset.Core.Messaging;

public sealed record SmsAccountCheck(bool IsValid, string? Problem)
{
    public static SmsAccountCheck Valid { get; } = new(true, null);

    public static SmsAccountCheck Invalid(string problem) => new(false, problem);
}
