namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The outcome of setting the new password: done; the reset is over (completed, expired, or never verified: start
/// again); or the password was refused, with what the user's policy says of it (already in the reader's language).
/// </summary>
public sealed record ResetCompleted(bool Succeeded, bool Over, IReadOnlyList<string> PasswordProblems)
{
    public static ResetCompleted Done { get; } = new(true, false, []);

    public static ResetCompleted ResetOver { get; } = new(false, true, []);

    public static ResetCompleted Refused(IEnumerable<string> problems) => new(false, false, [.. problems]);
}
