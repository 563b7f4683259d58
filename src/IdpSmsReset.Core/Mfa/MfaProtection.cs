using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Core.Mfa;

/// <summary>The Data Protection purposes of the second factors' secrets.</summary>
public sealed class MfaProtection(IDataProtectionProvider provider)
{
    public IDataProtector AuthenticatorSecret { get; } = provider.CreateProtector("IdpSmsReset.Mfa.AuthenticatorSecret.v1");

    /// <summary>A secret shown during enrolment travels in the form, with its expiry, until the user confirms it.</summary>
    public IDataProtector PendingAuthenticatorSecret { get; } = provider.CreateProtector("IdpSmsReset.Mfa.PendingAuthenticatorSecret.v1");
}
