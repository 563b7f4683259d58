using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

public sealed record SmsFactorSaveResult(IReadOnlyList<(string Field, string Problem)> Problems, SmsAccountCheck? Check)
{
    public bool Saved => Problems.Count == 0;
}
