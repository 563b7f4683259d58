using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Core.Users.ForeignPasswords;
using Konscious.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.UnitTests.Users.ForeignPasswords;

/// <summary>Hashes made by each algorithm's own library, verified right and wrong, and weak parameters named.</summary>
public sealed class ForeignPasswordHashTests
{
    private const string Password = "correct horse battery staple";

    public static TheoryData<string, string> MadeByTheirLibraries() => new()
    {
        { "bcrypt", BCrypt.Net.BCrypt.HashPassword(Password, 10) },
        { "bcrypt", "$2y$" + BCrypt.Net.BCrypt.HashPassword(Password, 8)[4..] },
        { "pbkdf2-sha256", Phc("pbkdf2-sha256", HashAlgorithmName.SHA256, 29_000, "i=29000", passlib: false) },
        { "pbkdf2-sha256", Phc("pbkdf2-sha256", HashAlgorithmName.SHA256, 29_000, "29000", passlib: true) },
        { "pbkdf2-sha1", Phc("pbkdf2-sha1", HashAlgorithmName.SHA1, 131_000, "i=131000", passlib: false) },
        { "pbkdf2-sha512", Phc("pbkdf2-sha512", HashAlgorithmName.SHA512, 25_000, "i=25000", passlib: false) },
        { "pbkdf2-sha256", Django(600_000) },
        { "argon2id", Argon2("m=19456,t=2,p=1") },
        // Made by node's crypto.scryptSync: Django 4.2's form (salt as text, 64 bytes) and passlib's PHC form.
        {
            "scrypt",
            "scrypt$16384$NaClSeaSalt2024$8$1$H+T72RSYtregmMmen8f4wzmAEBEhzMw4wUEIgW/2dmt+IffffnNTtHd8EEL+Rwt83+pbMrQ7+N7LCGZT3rxk8g=="
        },
        { "scrypt", "$scrypt$ln=15,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$9rcVF.DZ8uU77qz3H/v29.n2g8c877AOCRXSQvC/fs0" },
        { "argon2id", KeycloakArgon2() },
    };

    /// <summary>A credential as a Keycloak server stored it (pbkdf2-sha256, 27,500 iterations), and its password.</summary>
    [Fact]
    public void Parse_KeycloakStoredCredential_VerifiesItsPassword()
    {
        var realmExport = KeycloakCredential.Merge(
            "{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}",
            "{\"value\":\"ZXVC08Hf4jBOoYzVoNWYjQijsMC2oc/OUa9LciiIJ/1XHPF/qPiY1DqwLLDN2hYFmf/1kApkveD8/Pr7GVqjgw==\","
            + "\"salt\":\"Td6XuopYK6JNfUnIlqYMOQ==\",\"additionalParameters\":{}}");

        var foreign = ForeignPasswordHash.Parse(realmExport, out var problem);

        Assert.Null(problem);
        Assert.Equal("pbkdf2-sha256", foreign!.Algorithm);
        Assert.True(foreign.Verify("RdaRfqP7Y89vy2"));
        Assert.False(foreign.Verify("RdaRfqP7Y89vy3"));
    }

    /// <summary>RFC 7914's test vectors, section 12.</summary>
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162")]
    [InlineData("pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2")]
    public void Scrypt_RfcVectors_Derived(string password, string salt, int cost, int blockSize, int parallelism, string start)
    {
        var key = Scrypt.DeriveKey(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(salt), cost, blockSize, parallelism, 64);

        Assert.StartsWith(start, Convert.ToHexStringLower(key), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MadeByTheirLibraries))]
    public void Verify_HashOfAnotherSystem_RightPasswordOnly(string algorithm, string hash)
    {
        var foreign = ForeignPasswordHash.Parse(hash, out var problem);

        Assert.Null(problem);
        Assert.Equal(algorithm, foreign!.Algorithm);
        Assert.True(foreign.Verify(Password));
        Assert.False(foreign.Verify(Password + "!"));
        Assert.Null(foreign.Weakness);
    }

    [Theory]
    [InlineData("bcrypt cost 6 is under 8")]
    [InlineData("5,000 PBKDF2 iterations are under 10,000")]
    [InlineData("scrypt with N=1024 and r=8 is under 16 MiB")]
    [InlineData("Argon2id with 4096 KiB and 3 passes is under OWASP's lowest setting (7 MiB and 5 passes)")]
    public void Parse_WeakParameters_Named(string weakness)
    {
        var hash = weakness.Split(' ')[0] switch
        {
            "bcrypt" => BCrypt.Net.BCrypt.HashPassword(Password, 6),
            "scrypt" => "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$" + Convert.ToBase64String(new byte[32]).TrimEnd('='),
            "Argon2id" => "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$" + Convert.ToBase64String(new byte[32]).TrimEnd('='),
            _ => Phc("pbkdf2-sha256", HashAlgorithmName.SHA256, 5_000, "i=5000", passlib: false),
        };

        Assert.Equal(weakness, ForeignPasswordHash.Parse(hash, out _)!.Weakness);
    }

    [Theory]
    [InlineData("$md5$abc")]
    [InlineData("$pbkdf2-md5$i=1000$c2FsdA$aGFzaA")]
    [InlineData("$2b$10$tooshort")]
    [InlineData("$scrypt$ln=22,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("{\"algorithm\":\"md5\",\"hashIterations\":1,\"salt\":\"c2FsdA==\",\"value\":\"aGFzaA==\"}")]
    [InlineData("{\"algorithm\":\"pbkdf2-sha256\",\"salt\":\"c2FsdA==\"}")]
    public void Parse_NothingThisServerVerifies_Refused(string hash)
    {
        Assert.Null(ForeignPasswordHash.Parse(hash, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void Hasher_ForeignHashRight_RehashNeededAndIdentitysOwnHashesStillRead()
    {
        var hasher = new ForeignAwarePasswordHasher(Options.Create(new PasswordHasherOptions()));
        var user = new ApplicationUser { UserName = "migrated" };
        var identityV2 = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2,
        })).HashPassword(user, Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded,
            hasher.VerifyHashedPassword(user, BCrypt.Net.BCrypt.HashPassword(Password, 8), Password));
        Assert.Equal(PasswordVerificationResult.Failed,
            hasher.VerifyHashedPassword(user, BCrypt.Net.BCrypt.HashPassword(Password, 8), "x"));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(user, identityV2, Password));
        Assert.True(ForeignPasswordHash.IsIdentityHash(identityV2));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, hasher.HashPassword(user, Password), Password));
    }

    private static string Phc(string name, HashAlgorithmName digest, int iterations, string parameters, bool passlib)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Password), salt, iterations, digest, 32);
        string Encode(byte[] bytes) => passlib ? Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '.')
            : Convert.ToBase64String(bytes).TrimEnd('=');
        return $"${name}${parameters}${Encode(salt)}${Encode(hash)}";
    }

    private static string Django(int iterations)
    {
        const string salt = "seasalt2023xyz";
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Password), Encoding.UTF8.GetBytes(salt), iterations,
            HashAlgorithmName.SHA256, 32);
        return $"pbkdf2_sha256${iterations}${salt}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Keycloak 24's default: Argon2id, 7 MiB, 5 passes, one lane, its parameters as lists of strings.</summary>
    private static string KeycloakArgon2()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(Password))
        {
            Salt = salt, MemorySize = 7168, Iterations = 5, DegreeOfParallelism = 1,
        };
        return KeycloakCredential.Merge(
            "{\"hashIterations\":5,\"algorithm\":\"argon2\",\"additionalParameters\":{\"hashLength\":[\"32\"],"
            + "\"memory\":[\"7168\"],\"type\":[\"id\"],\"version\":[\"1.3\"],\"parallelism\":[\"1\"]}}",
            $"{{\"value\":\"{Convert.ToBase64String(argon.GetBytes(32))}\",\"salt\":\"{Convert.ToBase64String(salt)}\","
            + "\"additionalParameters\":{}}");
    }

    private static string Argon2(string parameters)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(Password))
        {
            Salt = salt, MemorySize = 19456, Iterations = 2, DegreeOfParallelism = 1,
        };
        var hash = argon.GetBytes(32);
        return $"$argon2id$v=19${parameters}${Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(hash).TrimEnd('=')}";
    }
}
