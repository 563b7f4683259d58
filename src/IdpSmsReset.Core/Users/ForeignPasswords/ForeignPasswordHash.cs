using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// A password hash made by another system, kept as it came until the user's first successful sign-in, when this
/// server's hasher replaces it (see <see cref="ForeignAwarePasswordHasher"/>). Recognised: bcrypt (<c>$2a$</c>,
/// <c>$2b$</c>, <c>$2y$</c>), PHC strings for PBKDF2 (<c>$pbkdf2-sha1|sha256|sha512$i=N$salt$hash</c>, salt and hash in
/// unpadded standard Base64, or passlib's variant: <c>$pbkdf2-sha256$N$salt$hash</c> with <c>.</c> for <c>+</c>),
/// Argon2id (<c>$argon2id$v=19$m=..,t=..,p=..$salt$hash</c>), scrypt (passlib's <c>$scrypt$ln=16,r=8,p=1$salt$hash</c>,
/// Django's <c>scrypt$N$salt$r$p$hash</c>), Django's <c>pbkdf2_sha256$N$salt$hash</c> and Keycloak's credential JSON
/// (<see cref="KeycloakCredential"/>). ASP.NET Core Identity's own V2 and V3 hashes need nothing: Identity's hasher reads
/// both. None of these can be mistaken for an Identity hash, whose Base64 holds neither <c>$</c> nor <c>{</c>.
/// </summary>
public sealed class ForeignPasswordHash
{
    private readonly Func<string, bool> _verify;

    private ForeignPasswordHash(string algorithm, string costClass, string? weakness, Func<string, bool> verify)
    {
        Algorithm = algorithm;
        CostClass = costClass;
        Weakness = weakness;
        _verify = verify;
    }

    /// <summary><c>bcrypt</c>, <c>pbkdf2-sha256</c>, <c>argon2id</c>...</summary>
    public string Algorithm { get; }

    /// <summary>
    /// Why the parameters are below what is safe (null: they are not): bcrypt cost under 8, PBKDF2 under 10,000 iterations,
    /// no salt, Argon2id under OWASP's lowest setting (7 MiB and 5 passes, or as much memory times passes), scrypt under
    /// 16 MiB (N · r under 16,384 · 8).
    /// </summary>
    public string? Weakness { get; }

    /// <summary>The algorithm with its cost parameters (<c>bcrypt-10</c>): hashes of one class take as long to check.</summary>
    public string CostClass { get; }

    public bool Verify(string password) => _verify(password);

    /// <summary>An ASP.NET Core Identity hash as <c>AspNetUsers.PasswordHash</c> keeps it: Base64, V2 (0x00) or V3 (0x01).</summary>
    public static bool IsIdentityHash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] is 0x00 or 0x01;
    }

    public static bool IsForeign(string? hash) =>
        hash is { Length: > 0 } && (hash[0] is '$' or '{' || hash.StartsWith("pbkdf2_", StringComparison.Ordinal)
            || hash.StartsWith("scrypt$", StringComparison.Ordinal));

    /// <summary>
    /// Why <paramref name="hash"/> cannot be given to a new user (null: it can), the one rule for the bootstrap, the
    /// management API and the import: a hash this server verifies or an ASP.NET Core Identity one, and not weak unless
    /// <paramref name="allowWeak"/> (then <paramref name="weak"/> says the user must choose a new password).
    /// </summary>
    public static string? ProblemForNewUser(string hash, bool allowWeak, out bool weak)
    {
        weak = false;
        if (!IsForeign(hash))
        {
            return IsIdentityHash(hash) ? null : "is neither a hash this server reads nor an ASP.NET Core Identity V2 or V3 hash.";
        }

        if (Parse(hash, out var problem) is not { } foreign)
        {
            return problem;
        }

        weak = foreign.Weakness is not null;
        return weak && !allowWeak ? $"is too weak to import: {foreign.Weakness}." : null;
    }

    /// <summary>Reads <paramref name="text"/>, or says why it is no hash this server can verify.</summary>
    public static ForeignPasswordHash? Parse(string text, out string? problem)
    {
        problem = null;
        try
        {
            var parsed = text switch
            {
                _ when text.StartsWith("$2a$", StringComparison.Ordinal) || text.StartsWith("$2b$", StringComparison.Ordinal)
                    || text.StartsWith("$2y$", StringComparison.Ordinal) => Bcrypt(text),
                _ when text.StartsWith("$pbkdf2-", StringComparison.Ordinal) => PhcPbkdf2(text),
                _ when text.StartsWith("$argon2id$", StringComparison.Ordinal) => Argon2id(text),
                _ when text.StartsWith("$scrypt$", StringComparison.Ordinal) => PhcScrypt(text),
                _ when text.StartsWith("pbkdf2_", StringComparison.Ordinal) => Django(text),
                _ when text.StartsWith("scrypt$", StringComparison.Ordinal) => DjangoScrypt(text),
                _ when KeycloakCredential.IsOne(text) => Parse(KeycloakCredential.ToPhc(text), out problem),
                _ => null,
            };
            problem ??= parsed is null
                ? "is not a hash this server can verify: bcrypt, PBKDF2, Argon2id or scrypt in PHC form, Django's, Keycloak's "
                    + "credential, or ASP.NET Core Identity's."
                : null;
            return parsed;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException
            or IndexOutOfRangeException or KeyNotFoundException or InvalidOperationException or System.Text.Json.JsonException)
        {
            var format = KeycloakCredential.IsOne(text) ? "Keycloak credential"
                : text.Split('$', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "hash";
            problem = $"is malformed ({exception.Message.TrimEnd('.')}): check the {format} format.";
            return null;
        }
    }

    private static ForeignPasswordHash Bcrypt(string text)
    {
        var cost = int.Parse(text[4..6], CultureInfo.InvariantCulture);
        if (text.Length != 60)
        {
            throw new FormatException("A bcrypt hash is 60 characters long.");
        }

        return new ForeignPasswordHash("bcrypt", $"bcrypt-{cost}", cost < 8 ? $"bcrypt cost {cost} is under 8" : null,
            password => BCrypt.Net.BCrypt.Verify(password, text));
    }

    private static ForeignPasswordHash PhcPbkdf2(string text)
    {
        // $pbkdf2-sha256$i=29000$salt$hash (PHC) or $pbkdf2-sha256$29000$salt$hash (passlib).
        var parts = text.Split('$');
        if (parts.Length != 5)
        {
            throw new FormatException("A PBKDF2 PHC string has five $-separated parts.");
        }

        var algorithm = parts[1];
        var iterations = int.Parse(parts[2].Split(',').Select(p => p.StartsWith("i=", StringComparison.Ordinal) ? p[2..] : p).First(),
            CultureInfo.InvariantCulture);
        return Pbkdf2(algorithm, HashOf(algorithm["pbkdf2-".Length..]), iterations, PhcBase64(parts[3]), PhcBase64(parts[4]));
    }

    private static ForeignPasswordHash Django(string text)
    {
        // pbkdf2_sha256$iterations$salt$base64(hash): the salt is used as its text.
        var parts = text.Split('$');
        if (parts.Length != 4)
        {
            throw new FormatException("A Django hash has four $-separated parts.");
        }

        var digest = parts[0]["pbkdf2_".Length..];
        return Pbkdf2("pbkdf2-" + digest, HashOf(digest), int.Parse(parts[1], CultureInfo.InvariantCulture),
            Encoding.UTF8.GetBytes(parts[2]), Convert.FromBase64String(parts[3]));
    }

    private static ForeignPasswordHash Pbkdf2(string algorithm, HashAlgorithmName hash, int iterations, byte[] salt, byte[] expected)
    {
        if (iterations < 1 || expected.Length < 16)
        {
            throw new FormatException("PBKDF2 needs at least one iteration and 16 bytes of hash.");
        }

        var weakness = salt.Length == 0 ? "the hash has no salt"
            : iterations < 10_000 ? $"{iterations.ToString("N0", CultureInfo.InvariantCulture)} PBKDF2 iterations are under 10,000"
            : null;
        return new ForeignPasswordHash(algorithm, $"{algorithm}-{iterations}-{expected.Length}", weakness,
            password => CryptographicOperations.FixedTimeEquals(expected,
                Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, hash, expected.Length)));
    }

    private static ForeignPasswordHash Argon2id(string text)
    {
        // $argon2id$v=19$m=65536,t=3,p=4$salt$hash
        var parts = text.Split('$');
        if (parts.Length != 6)
        {
            throw new FormatException("An Argon2id PHC string has six $-separated parts.");
        }

        var settings = parts[3].Split(',').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        var salt = PhcBase64(parts[4]);
        var expected = PhcBase64(parts[5]);
        var (memory, time, lanes) = (settings["m"], settings["t"], settings["p"]);
        var weakness = memory < 7168 || (long)memory * time < 7168 * 5
            ? $"Argon2id with {memory} KiB and {time} passes is under OWASP's lowest setting (7 MiB and 5 passes)" : null;
        return new ForeignPasswordHash("argon2id", $"argon2id-m{memory}-t{time}-p{lanes}", weakness, password =>
        {
            using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
            {
                Salt = salt, MemorySize = memory, Iterations = time, DegreeOfParallelism = lanes,
            };
            return CryptographicOperations.FixedTimeEquals(expected, argon.GetBytes(expected.Length));
        });
    }

    private static ForeignPasswordHash PhcScrypt(string text)
    {
        // $scrypt$ln=16,r=8,p=1$salt$hash (passlib: N = 2^ln; n=N is read too).
        var parts = text.Split('$');
        if (parts.Length != 5)
        {
            throw new FormatException("A scrypt PHC string has five $-separated parts.");
        }

        var settings = parts[2].Split(',').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        var cost = settings.TryGetValue("ln", out var log) ? 1 << log : settings["n"];
        return ScryptHash(cost, settings["r"], settings["p"], PhcBase64(parts[3]), PhcBase64(parts[4]));
    }

    private static ForeignPasswordHash DjangoScrypt(string text)
    {
        // scrypt$N$salt$r$p$base64(hash): Django 4.2's ScryptPasswordHasher; the salt is used as its text.
        var parts = text.Split('$');
        if (parts.Length != 6)
        {
            throw new FormatException("A Django scrypt hash has six $-separated parts.");
        }

        int Number(string part) => int.Parse(part, CultureInfo.InvariantCulture);
        return ScryptHash(Number(parts[1]), Number(parts[3]), Number(parts[4]), Encoding.UTF8.GetBytes(parts[2]),
            Convert.FromBase64String(parts[5]));
    }

    private static ForeignPasswordHash ScryptHash(int cost, int blockSize, int parallelism, byte[] salt, byte[] expected)
    {
        // Checked now, not at the first sign-in: parameters the derivation refuses are refused at import.
        Scrypt.CheckParameters(cost, blockSize, parallelism);
        var weakness = salt.Length == 0 ? "the hash has no salt"
            : (long)cost * blockSize < 16_384 * 8 ? $"scrypt with N={cost} and r={blockSize} is under 16 MiB"
            : null;
        return new ForeignPasswordHash("scrypt", $"scrypt-n{cost}-r{blockSize}-p{parallelism}", weakness,
            password => CryptographicOperations.FixedTimeEquals(expected,
                Scrypt.DeriveKey(Encoding.UTF8.GetBytes(password), salt, cost, blockSize, parallelism, expected.Length)));
    }

    private static HashAlgorithmName HashOf(string digest) => digest switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "sha256" => HashAlgorithmName.SHA256,
        "sha512" => HashAlgorithmName.SHA512,
        _ => throw new FormatException($"PBKDF2 with {digest} is not supported: sha1, sha256 or sha512."),
    };

    /// <summary>PHC's unpadded standard Base64, and passlib's adapted form (<c>.</c> for <c>+</c>).</summary>
    private static byte[] PhcBase64(string text)
    {
        var standard = text.Replace('.', '+');
        return Convert.FromBase64String(standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '='));
    }
}
