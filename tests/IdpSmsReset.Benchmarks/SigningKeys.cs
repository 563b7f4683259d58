namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The signing and encryption certificates the server is given, as in production: RSA 2048. (Development's own
/// generated keys are RSA 4096, whose every signature costs about 25 times as much CPU; that would be measured instead.)
/// </summary>
public static class SigningKeys
{
    public const string Password = "bench-pfx-password";

    public static IDictionary<string, string> WriteTo(string directory) => new Dictionary<string, string>
    {
        ["Idp__Certificates__Signing__Path"] = TestCertificate.WritePfx(directory, "signing", Password),
        ["Idp__Certificates__Signing__Password"] = Password,
        ["Idp__Certificates__Encryption__Path"] = TestCertificate.WritePfx(directory, "encryption", Password),
        ["Idp__Certificates__Encryption__Password"] = Password,
    };
}
