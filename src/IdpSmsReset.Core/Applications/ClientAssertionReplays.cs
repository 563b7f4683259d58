using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// Refuses a client assertion seen before (RFC 7523 §3: the jti must not be reused). The first use inserts its key, so
/// of two requests with one assertion, on any instances, the database's unique key lets one through.
/// </summary>
public sealed class ClientAssertionReplays(IdpDbContext database)
{
    /// <summary>True the first time; false when the assertion was used already.</summary>
    public Task<bool> TryUseAsync(string clientId, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientId + "\n" + jti)));
        return database.TryInsertAsync(new UsedClientAssertion { Key = key, ExpiresAt = expiresAt.UtcDateTime }, cancellationToken);
    }
}
