using System.Buffers.Text;
using System.Security.Cryptography;

namespace IdpSmsReset.Core.Applications;

/// <summary>Client secrets the server makes (the dashboard shows each once).</summary>
public static class ApplicationSecrets
{
    /// <summary>256 random bits, URL-safe: shown once, stored only as OpenIddict's hash.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
