namespace IdpSmsReset.Core.Problems;

/// <summary>
/// What is wrong with one field, named as the rules name it (<c>password.minLength</c>, <c>redirectUris[0]</c>): the one
/// shape of a field error, whoever validates (the bootstrap file, the dashboard's commands).
/// </summary>
public sealed record FieldProblem(string Field, string Problem);
