namespace IdpSmsReset.Server.Features.Account;

/// <summary>What a locked user is told: when to try again, in whole minutes rounded up, whatever locked the account.</summary>
internal static class LockoutMessage
{
    public const string Start = "Too many failed attempts. Sign-in is locked";

    public static string For(DateTimeOffset? until, TimeProvider time)
    {
        var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes)) : 1;
        return $"{Start} for {minutes} more minute{(minutes == 1 ? "" : "s")}; try again then.";
    }
}
