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
    };

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
    public void Parse_WeakParameters_Named(string weakness)
    {
        var hash = weakness.StartsWith("bcrypt", StringComparison.Ordinal)
            ? BCrypt.Net.BCrypt.HashPassword(Password, 6)
            : Phc("pbkdf2-sha256", HashAlgorithmName.SHA256, 5_000, "i=5000", passlib: false);

        Assert.Equal(weakness, ForeignPasswordHash.Parse(hash, out _)!.Weakness);
    }

    [Theory]
    [InlineData("$md5$abc")]
    [InlineData("$pbkdf2-md5$i=1000$c2FsdA$aGFzaA")]
    [InlineData("$2b$10$tooshort")]
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
