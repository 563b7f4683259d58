using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Administration;

/// <summary>An application saved (with the secret made for it, shown once), or refused with every problem found.</summary>
public sealed record ApplicationSaved(IReadOnlyList<FieldProblem> Problems, string? NewSecret = null)
{
    public bool Succeeded => Problems.Count == 0;
}
