using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Server.Features.Account.Login;

/// <summary>
/// What a passkey offered alone came to: no <see cref="User"/> when its answer did not check out; otherwise the user it
/// names and, when <see cref="Refusal"/> is none, the <see cref="Amr"/> the session carries.
/// </summary>
public sealed record PasswordlessAttempt(ApplicationUser? User, PasswordlessRefusal Refusal, IReadOnlyList<string> Amr)
{
    public static readonly PasswordlessAttempt NotAccepted = new(null, PasswordlessRefusal.None, []);

    public bool SignsIn => User is not null && Refusal == PasswordlessRefusal.None;
}
