using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Core.Federation;

/// <summary>The Data Protection purpose of identity providers' client secrets: readable back for this purpose only.</summary>
public sealed class IdentityProviderProtection(IDataProtectionProvider provider)
{
    public IDataProtector ClientSecret { get; } = provider.CreateProtector("IdpSmsReset.Federation.ClientSecret.v1");
}
