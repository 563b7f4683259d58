namespace IdpSmsReset.Core.Administration;

/// <summary>What is wrong with one field of a command, named as the command names it.</summary>
public sealed record FieldProblem(string Field, string Problem);
