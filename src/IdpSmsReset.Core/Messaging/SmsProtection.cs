using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Core.Messaging;

/// <summary>The Data Protection purposes of the SMS secrets: each secret can only be read back for its own purpose.</summary>
public sealed class SmsProtection(IDataProtectionProvider provider)
{
    public IDataProtector AuthToken { get; } = provider.CreateProtector("IdpSmsReset.Sms.AuthToken.v1");

    public IDataProtector Body { get; } = provider.CreateProtector("IdpSmsReset.Sms.Body.v1");
}
