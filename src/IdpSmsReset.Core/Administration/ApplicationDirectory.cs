using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Core.Administration;

/// <summary>The dashboard's read of the OIDC applications (their changes go through OpenIddict's application manager).</summary>
public sealed class ApplicationDirectory(IdpDbContext database)
{
    public async Task<IReadOnlyList<OpenIddictEntityFrameworkCoreApplication>> ListAsync(CancellationToken cancellationToken) =>
        await database.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().OrderBy(a
            => a.ClientId).ToListAsync(cancellationToken);
}
