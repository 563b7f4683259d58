using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// OpenIddict's application manager, remembering client secrets it has already proved right. A stored secret is a
/// PBKDF2 hash, deliberately slow; checking it on every token request made the hash most of the cost of a
/// client_credentials token. A secret proved right is remembered (for <see cref="RememberFor"/>) as an HMAC under a key
/// that lives only in this process, bound to the stored hash it matched: a rotated or deleted secret's stored hash
/// changes, so the old proof is never consulted again. Only successes are remembered, so a wrong secret always pays
/// the full hash and the shortcut tells an attacker nothing.
/// </summary>
public sealed class ProvenSecretApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    ProvenSecrets proven)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(10);

    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand,
        CancellationToken cancellationToken = default)
    {
        var proof = proven.ProofOf(secret, comparand);
        if (proven.Contains(proof))
        {
            return true;
        }

        var valid = await base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        if (valid)
        {
            proven.Add(proof, RememberFor);
        }

        return valid;
    }
}
