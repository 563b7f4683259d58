using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>What the user typed while adding an authenticator app; <see cref="SealedSecret"/> carries the secret being set up.</summary>
public sealed class AuthenticatorSetupInput
{
    public string? SealedSecret { get; set; }

    public string? Code { get; set; }
}
