using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Problems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

public sealed record SmsFactorSaveResult(IReadOnlyList<FieldProblem> Problems, SmsAccountCheck? Check)
{
    public bool Saved => Problems.Count == 0;
}
