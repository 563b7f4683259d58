using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Core.Maintenance;

public sealed record PruneResult(long Tokens, long Authorizations, int Sessions, int SmsChallenges, int ResetFlows);
