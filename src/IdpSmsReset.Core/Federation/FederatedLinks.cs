using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Federation;

/// <summary>
/// A user's links to outside identity providers (Identity's user logins): added from the account page by a user who
/// proved the local account first (never by an e-mail address matching), listed and removed there or by an
/// administrator. The last way to sign in is never removed: a user with no password, no passkey and one link would be
/// locked out.
/// </summary>
public sealed class FederatedLinks(UserManager<ApplicationUser> users, AuditLog audit)
{
    public const string LastWayToSignIn =
        "This is your only way to sign in. Set a password or add a passkey first, then remove it.";

    public const string LinkedElsewhere =
        "That account of the other provider is already linked to another account here. Sign in with it instead.";

    public const string AlreadyLinkedToAnother =
        "Your account is already linked to another account of that provider. Remove that link first.";

    public const string ProviderUnavailable = "That way of signing in is not available. Choose another.";

    /// <summary>
    /// Links <paramref name="identity"/>, as <paramref name="provider"/> vouched for it, to <paramref name="user"/>, who
    /// proved this account before leaving for the provider. Null when linked (or it already was), else why not.
    /// </summary>
    public async Task<string?> AddAsync(ApplicationUser user, IdentityProvider? provider, FederatedIdentity identity,
        string? ipAddress, CancellationToken cancellationToken)
    {
        if (provider is not { Enabled: true } || string.IsNullOrWhiteSpace(identity.Subject))
        {
            return ProviderUnavailable;
        }

        if (await users.FindByLoginAsync(provider.Name, identity.Subject) is { } owner)
        {
            return owner.Id == user.Id ? null : LinkedElsewhere;
        }

        if ((await users.GetLoginsAsync(user)).Any(link => link.LoginProvider == provider.Name))
        {
            return AlreadyLinkedToAnother;
        }

        var added = await AddLoginAsync(user, new UserLoginInfo(provider.Name, identity.Subject, provider.DisplayName));
        if (added is not null)
        {
            return added;
        }

        await audit.RaiseAsync(AuditEventTypes.FederatedLinkAdded, user.UserName ?? user.Id, user.Id, ipAddress,
            $"Linked to {provider.Name} after proving this account.", cancellationToken);
        return null;
    }

    // Two links of one upstream account raced (two tabs): the key of user logins lets one in; the other is told who won.
    private async Task<string?> AddLoginAsync(ApplicationUser user, UserLoginInfo link)
    {
        try
        {
            var result = await users.AddLoginAsync(user, link);
            return result.Succeeded ? null : string.Join(" ", result.Errors.Select(error => error.Description));
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            return LinkedElsewhere;
        }
    }

    public async Task<IReadOnlyList<UserLoginInfo>> ListAsync(ApplicationUser user) =>
        [.. (await users.GetLoginsAsync(user)).OrderBy(link => link.LoginProvider, StringComparer.Ordinal)];

    /// <summary>
    /// Removes the link to <paramref name="provider"/>, by the user or (<paramref name="administrator"/>) for them; null
    /// when done (or there was none), else why not.
    /// </summary>
    public async Task<string?> RemoveAsync(ApplicationUser user, string provider, string? ipAddress, CancellationToken cancellationToken,
        Administration.Administrator? administrator = null)
    {
        var links = await users.GetLoginsAsync(user);
        if (links.FirstOrDefault(link => link.LoginProvider == provider) is not { } link)
        {
            return null;
        }

        var hasPasskey = (await users.GetPasskeysAsync(user)).Count > 0;
        if (links.Count == 1 && user.PasswordHash is null && !hasPasskey)
        {
            return LastWayToSignIn;
        }

        var removed = await users.RemoveLoginAsync(user, link.LoginProvider, link.ProviderKey);
        if (!removed.Succeeded)
        {
            return string.Join(" ", removed.Errors.Select(error => error.Description));
        }

        await audit.RaiseAsync(AuditEventTypes.FederatedLinkRemoved, administrator?.Name ?? user.UserName ?? user.Id, user.Id,
            administrator?.IpAddress ?? ipAddress, administrator is null ? $"The link to {provider} was removed."
                : $"The link to {provider} was removed by an administrator.", cancellationToken);
        return null;
    }
}
