using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The answer of an administrative command: done (with the id of what it touched), or refused with every problem
/// found, field by field. A refused command changed nothing.
/// </summary>
public sealed record CommandResult(string? Id, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static CommandResult Done(string id) => new(id, []);

    public static CommandResult Refused(IReadOnlyList<FieldProblem> problems) => new(null, problems);

    public static CommandResult Refused(string field, string problem) => new(null, [new FieldProblem(field, problem)]);
}
