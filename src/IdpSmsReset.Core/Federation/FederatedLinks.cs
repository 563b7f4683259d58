using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Federation;

/// <summary>
/// A user's links to outside identity providers (Identity's user logins): listed on the account page, removed there.
/// The last way to sign in is never removed: a user with no password, no passkey and one link would be locked out.
/// </summary>
public sealed class FederatedLinks(UserManager<ApplicationUser> users, AuditLog audit)
{
    public const string LastWayToSignIn =
        "This is your only way to sign in. Set a password or add a passkey first, then remove it.";

    public async Task<IReadOnlyList<UserLoginInfo>> ListAsync(ApplicationUser user) =>
        [.. (await users.GetLoginsAsync(user)).OrderBy(link => link.LoginProvider, StringComparer.Ordinal)];

    /// <summary>Removes the link to <paramref name="provider"/>; null when done (or there was none), else why not.</summary>
    public async Task<string?> RemoveAsync(ApplicationUser user, string provider, string? ipAddress, CancellationToken cancellationToken)
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

        await audit.WriteAsync(AuditEventTypes.FederatedLinkRemoved, user.UserName ?? user.Id, user.Id, ipAddress,
            $"The link to {provider} was removed.", cancellationToken);
        return null;
    }
}
