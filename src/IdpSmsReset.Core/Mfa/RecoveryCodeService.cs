using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// Single-use codes that stand in for the authenticator app when the phone is lost. Each holds 50 random bits, so a
/// plain SHA-256 is enough to keep them unreadable at rest.
/// </summary>
public sealed class RecoveryCodeService(IdpDbContext database, TimeProvider time)
{
    public const int CodesPerSet = 10;

    // No 0/O, 1/I/L: the codes are read off paper.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A new set, replacing every earlier code; the only time the codes are seen in clear.</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(string userId, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(0, CodesPerSet).Select(_ => NewCode()).ToList();
        await database.Set<RecoveryCode>().Where(code => code.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        database.AddRange(codes.Select(code => new RecoveryCode { Id = Guid.NewGuid(), UserId = userId, CodeHash = Hash(code) }));
        await database.SaveChangesAsync(cancellationToken);
        return codes;
    }

    public Task<int> CountUnusedAsync(string userId, CancellationToken cancellationToken) =>
        database.Set<RecoveryCode>().CountAsync(code => code.UserId == userId && code.UsedAt == null, cancellationToken);

    public async Task<bool> RedeemAsync(string userId, string typedCode, CancellationToken cancellationToken)
    {
        var hash = Hash(typedCode);
        return await database.Set<RecoveryCode>()
            .Where(code => code.UserId == userId && code.CodeHash == hash && code.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(code => code.UsedAt, time.GetUtcNow().UtcDateTime), cancellationToken) == 1;
    }

    private static string NewCode()
    {
        var text = RandomNumberGenerator.GetString(Alphabet, 10);
        return $"{text[..5]}-{text[5..]}";
    }

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(OneTimeCode.Normalize(code).ToUpperInvariant()));
}
