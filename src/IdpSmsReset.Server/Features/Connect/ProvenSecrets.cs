using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using System.Security.Cryptography;
using System.Text;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>The proofs <see cref="ProvenSecretApplicationManager"/> keeps, shared by every request; bounded in number.</summary>
public sealed class ProvenSecrets : IDisposable
{
    private const int MaxEntries = 10_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly MemoryCache _proofs = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public string ProofOf(string secret, string comparand) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(comparand + "\n" + secret)));

    public bool Contains(string proof) => _proofs.TryGetValue(proof, out _);

    public void Add(string proof, TimeSpan lifetime) =>
        _proofs.Set(proof, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });

    public void Dispose() => _proofs.Dispose();
}
