namespace IdpSmsReset.Core.Users.Import;

/// <summary>What an import did, line by line in sum; the refusals with their line numbers (the first <see cref="MaxListed"/>).</summary>
public sealed class UserImportReport
{
    public const int MaxListed = 1000;

    public bool DryRun { get; init; }

    public int Lines { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    /// <summary>Users whose name exists, left as they are (no <see cref="UserImportOptions.Update"/>).</summary>
    public int Skipped { get; set; }

    public int RefusedCount { get; set; }

    public List<UserImportRefusal> Refused { get; } = [];

    internal void Refuse(int line, string? userName, string reason)
    {
        RefusedCount++;
        if (Refused.Count < MaxListed)
        {
            Refused.Add(new UserImportRefusal(line, userName, reason));
        }
    }
}

/// <summary>A line not imported, and why.</summary>
public sealed record UserImportRefusal(int Line, string? UserName, string Reason);
