using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Recovery;

/// <summary>Where a reset code may go (E.164, with its country and the policy's hourly limit), or <see cref="Reason"/> why none
/// may.</summary>
public sealed record ResetEligibility(string? Destination, string Country, int MaxSendsPerHour, string Reason)
{
    public bool IsEligible => Destination is not null;

    public static ResetEligibility No(string reason) => new(null, "", 0, reason);
}
