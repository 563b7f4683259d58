using System.Security.Cryptography;

namespace IdpSmsReset.Server.Features.Admin.Applications;

public static class ApplicationSecrets
{
    /// <summary>256 random bits, URL-safe: shown once, stored only as OpenIddict's hash.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
