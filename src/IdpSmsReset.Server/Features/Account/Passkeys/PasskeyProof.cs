using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Server.Features.Account.Passkeys;

/// <summary>
/// A passkey that answered its challenge: whose it is, its amr (<c>hwk</c> or <c>swk</c>), and whether it verified its
/// user.
/// </summary>
public sealed record PasskeyProof(ApplicationUser User, string KeyAmr, bool UserVerified);
