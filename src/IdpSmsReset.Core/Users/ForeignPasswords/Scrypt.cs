using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// scrypt (RFC 7914), which .NET does not ship: PBKDF2-HMAC-SHA256 around ROMix of Salsa20/8. Only verifies imported
/// hashes, so clarity wins over speed; the unit tests hold it to the RFC's vectors and to node's <c>crypto.scrypt</c>.
/// </summary>
internal static class Scrypt
{
    /// <summary>The largest memory a hash may ask for (128 · N · r · p bytes): a sign-in must not exhaust the server.</summary>
    public const long MaxMemoryBytes = 256L * 1024 * 1024;

    /// <summary>Throws a <see cref="FormatException"/> for parameters scrypt cannot use or this server will not afford.</summary>
    public static void CheckParameters(int cost, int blockSize, int parallelism)
    {
        if (cost < 2 || (cost & (cost - 1)) != 0 || blockSize < 1 || parallelism < 1)
        {
            throw new FormatException("scrypt needs N a power of two above 1, and r and p of at least 1.");
        }

        if (128L * cost * blockSize * parallelism > MaxMemoryBytes)
        {
            throw new FormatException($"scrypt parameters asking for more than {MaxMemoryBytes / 1024 / 1024} MiB are not accepted.");
        }
    }

    public static byte[] DeriveKey(byte[] password, byte[] salt, int cost, int blockSize, int parallelism, int length)
    {
        CheckParameters(cost, blockSize, parallelism);
        var blockWords = 32 * blockSize;
        var bytes = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, parallelism * 128 * blockSize);
        var block = new uint[blockWords];
        var scratch = new uint[blockWords];
        var memory = new uint[(long)cost * blockWords];
        for (var lane = 0; lane < parallelism; lane++)
        {
            var laneBytes = bytes.AsSpan(lane * 128 * blockSize, 128 * blockSize);
            for (var word = 0; word < blockWords; word++)
            {
                block[word] = BinaryPrimitives.ReadUInt32LittleEndian(laneBytes[(word * 4)..]);
            }

            RoMix(block, scratch, memory, cost, blockSize);
            for (var word = 0; word < blockWords; word++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(laneBytes[(word * 4)..], block[word]);
            }
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, bytes, 1, HashAlgorithmName.SHA256, length);
    }

    private static void RoMix(uint[] block, uint[] scratch, uint[] memory, int cost, int blockSize)
    {
        var blockWords = block.Length;
        for (var i = 0; i < cost; i++)
        {
            Array.Copy(block, 0, memory, (long)i * blockWords, blockWords);
            BlockMix(block, scratch, blockSize);
        }

        for (var i = 0; i < cost; i++)
        {
            // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
            var j = block[blockWords - 16] & (uint)(cost - 1);
            for (var word = 0; word < blockWords; word++)
            {
                block[word] ^= memory[(long)j * blockWords + word];
            }

            BlockMix(block, scratch, blockSize);
        }
    }

    private static void BlockMix(uint[] block, uint[] scratch, int blockSize)
    {
        Span<uint> x = stackalloc uint[16];
        block.AsSpan(block.Length - 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * blockSize; i++)
        {
            for (var word = 0; word < 16; word++)
            {
                x[word] ^= block[i * 16 + word];
            }

            Salsa208(x);
            // Even blocks to the first half, odd ones to the second.
            x.CopyTo(scratch.AsSpan((i / 2 + (i % 2) * blockSize) * 16, 16));
        }

        scratch.CopyTo(block, 0);
    }

    private static void Salsa208(Span<uint> b)
    {
        Span<uint> x = stackalloc uint[16];
        b.CopyTo(x);
        for (var round = 0; round < 8; round += 2)
        {
            Quarter(x, 4, 0, 12, 8);
            Quarter(x, 9, 5, 1, 13);
            Quarter(x, 14, 10, 6, 2);
            Quarter(x, 3, 15, 11, 7);
            Quarter(x, 1, 0, 3, 2);
            Quarter(x, 6, 5, 4, 7);
            Quarter(x, 11, 10, 9, 8);
            Quarter(x, 12, 15, 14, 13);
        }

        for (var word = 0; word < 16; word++)
        {
            b[word] += x[word];
        }
    }

    /// <summary>
    /// A quarter of a Salsa20 round: a ^= rotl(b + c, 7), d ^= rotl(a + b, 9), c ^= rotl(d + a, 13), b ^= rotl(c + d, 18).
    /// </summary>
    private static void Quarter(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] ^= BitOperations.RotateLeft(x[b] + x[c], 7);
        x[d] ^= BitOperations.RotateLeft(x[a] + x[b], 9);
        x[c] ^= BitOperations.RotateLeft(x[d] + x[a], 13);
        x[b] ^= BitOperations.RotateLeft(x[c] + x[d], 18);
    }
}
