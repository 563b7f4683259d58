using System.Buffers.Text;
using System.Security.Cryptography;

namespace IdpSmsReset.Server.Features.Admin.Applications;

public static class ApplicationSecrets
{
    /// <summary>256 random bits, URL-safe: shown once, stored only as OpenIddict's hash.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
