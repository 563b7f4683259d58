namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// What the rules made of an imported user: why it is refused, or its phone number in E.164, its policy, whether its hash
/// is weak, and its authenticator secret as stored (Base32, upper case, no spaces or padding).
/// </summary>
public sealed record ImportedUserCheck(string? Problem, string? Phone = null, Guid? PolicyId = null, bool WeakHash = false,
    string? TotpSecret = null);
