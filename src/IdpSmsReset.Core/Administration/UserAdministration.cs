using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's user commands and reads. Saving a user is one unit of work: the account, its attributes, its role and
/// the audit row commit together, or, when anything is refused, none of them.
/// </summary>
public sealed class UserAdministration(
    IdpDbContext database, IdpUserManager users, RoleManager<IdentityRole> roles, AuthenticatorService authenticators,
    UserSessionService sessions, SessionTokens sessionTokens, UserErasure erasure, AdminChangeLog log, TimeProvider time,
    Passkeys.PasskeyUseLog passkeyUses, Recovery.ResetSuspensions resetSuspensions)
{
    /// <summary>The role whose members may use the dashboard.</summary>
    public const string AdministratorRole = "admin";

    private const string LastAdministrator = "This is the last administrator who can sign in: make another one first.";

    /// <summary>A page of users whose name, email or display name contains <paramref name="search"/>, by name.</summary>
    public async Task<(int Total, IReadOnlyList<ApplicationUser> Rows)> SearchAsync(
        string? search, Func<int, int> pageOfTotal, int pageSize, CancellationToken cancellationToken)
    {
        var found = database.Users.AsNoTracking();
        if (search is { } term)
        {
            var normalized = term.ToUpperInvariant();
            found = found.Where(user => user.NormalizedUserName!.Contains(normalized) || user.NormalizedEmail!.Contains(normalized)
                || (user.DisplayName != null && user.DisplayName.Contains(term)));
        }

        var total = await found.CountAsync(cancellationToken);
        var page = pageOfTotal(total);
        var rows = await found.OrderBy(user
            => user.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (total, rows);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> users by name after <paramref name="afterNormalizedName"/> (keyset paging: each page one
    /// index range, however deep), whose name, email or display name contains <paramref name="search"/>, and that
    /// <paramref name="filter"/> (a SCIM filter, translated for the database) lets through.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationUser>> ListAfterAsync(string? search, string? afterNormalizedName, int limit,
        CancellationToken cancellationToken, System.Linq.Expressions.Expression<Func<ApplicationUser, bool>>? filter = null)
    {
        var found = database.Users.AsNoTracking().Include(user => user.Attributes).AsQueryable();
        if (filter is not null)
        {
            found = found.Where(filter);
        }

        if (search is { Length: > 0 } term)
        {
            var normalized = term.ToUpperInvariant();
            found = found.Where(user => user.NormalizedUserName!.Contains(normalized) || user.NormalizedEmail!.Contains(normalized)
                || (user.DisplayName != null && user.DisplayName.Contains(term)));
        }

        if (afterNormalizedName is not null)
        {
            found = found.Where(user => string.Compare(user.NormalizedUserName, afterNormalizedName) > 0);
        }

        return await found.OrderBy(user => user.NormalizedUserName).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The user with its custom attributes, or null.</summary>
    public Task<ApplicationUser?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.Users.Include(u => u.Attributes).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<bool> IsAdministratorAsync(ApplicationUser user) => users.IsInRoleAsync(user, AdministratorRole);

    /// <summary>Which of a page of users are administrators: one query for the page rather than one a user.</summary>
    public async Task<HashSet<string>> AdministratorIdsAmongAsync(IReadOnlyCollection<ApplicationUser> page,
        CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(user => user.Id).ToList();
        var role = users.NormalizeName(AdministratorRole);
        return [.. await database.UserRoles.Where(link => ids.Contains(link.UserId))
            .Join(database.Roles.Where(candidate => candidate.NormalizedName == role), link => link.RoleId, found => found.Id,
                (link, _) => link.UserId)
            .ToListAsync(cancellationToken)];
    }

    public async Task<CommandResult> SaveAsync(UserChange change, Administrator who, CancellationToken cancellationToken)
    {
        var user = change.Id is null ? new ApplicationUser() : await FindAsync(change.Id, cancellationToken);
        if (user is null)
        {
            return CommandResult.Refused(nameof(UserChange.Id), "There is no such user.");
        }

        var (problems, phone, policyId, attributes) = await ValidateAsync(change, cancellationToken);
        if (problems.Count > 0)
        {
            return CommandResult.Refused(problems);
        }

        if (change.Id is not null && await RefusalToDemoteAsync(user, change.IsAdministrator) is { } lastAdministrator)
        {
            return lastAdministrator;
        }

        return await database.InTransactionAsync(async () =>
        {
            var before = change.Id is null ? null : await SnapshotAsync(user);
            user.DisplayName = string.IsNullOrWhiteSpace(change.DisplayName) ? null : change.DisplayName.Trim();
            user.Email = string.IsNullOrWhiteSpace(change.Email) ? null : change.Email.Trim();
            if (user.PhoneNumber != phone)
            {
                // An administrator vouches for the number they type.
                user.PhoneNumber = phone;
                user.PhoneNumberConfirmed = phone is not null;
            }

            user.SecurityPolicyId = policyId;
            var saved = change.Id is null ? await CreateAsync(user, change) : await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                return CommandResult.Refused(saved.Errors.Select(ProblemOf).ToList());
            }

            // A new user has neither attributes nor roles to replace: provisioning creates many, each round trip counts.
            if (change.Id is not null || attributes.Count > 0)
            {
                await ReplaceAttributesAsync(user, attributes, cancellationToken);
            }

            if (change.Id is not null || change.IsAdministrator)
            {
                await SetAdministratorAsync(user, change.IsAdministrator);
            }
            await log.WriteAsync(who, change.Id is null ? AdminEventTypes.UserCreated : AdminEventTypes.UserChanged, user.Id,
                before, await SnapshotAsync(user), cancellationToken);
            return CommandResult.Done(user.Id);
        }, result => result.Succeeded, cancellationToken);
    }

    /// <summary>Lifts a lockout and forgets the failed passwords and second factors that led to it.</summary>
    public Task UnlockAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        ActAsync(user, who, AdminEventTypes.UserUnlocked, async () =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await users.ResetSecondFactorFailuresAsync(user);
        }, cancellationToken);

    /// <summary>
    /// Every second factor of the user goes: the authenticator app, its recovery codes and the passkeys (one added behind
    /// the user's back would otherwise survive the reset). The user enrols again at the next sign-in where the policy asks. SMS
    /// two-step stays as the user chose it: the number is not a device one could lose.
    /// </summary>
    public Task RemoveSecondFactorsAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        ActAsync(user, who, AdminEventTypes.UserMfaReset, async () =>
        {
            await authenticators.RemoveAsync(user.Id, cancellationToken);
            await DeletePasskeysAsync(user.Id, cancellationToken);
        }, cancellationToken);

    /// <summary>Removes every passkey of the user (a lost device); the user adds new ones from the account page.</summary>
    public Task RemovePasskeysAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        ActAsync(user, who, AdminEventTypes.UserPasskeysRemoved, () => DeletePasskeysAsync(user.Id, cancellationToken), cancellationToken);

    /// <summary>
    /// Lets the user reset by SMS again after too many wrong codes; earlier wrong codes no longer count. The budget writes
    /// the audit row, with the administrator as its actor, in this unit. False when reset was not suspended.
    /// </summary>
    public Task<bool> LiftResetSuspensionAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(() => resetSuspensions.LiftAsync(user.Id, who.Name, who.IpAddress, cancellationToken),
            lifted => lifted, cancellationToken);

    private async Task DeletePasskeysAsync(string userId, CancellationToken cancellationToken)
    {
        await database.UserPasskeys.Where(passkey => passkey.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await passkeyUses.ForgetAllAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Offboarding: the user may no longer sign in by any way (<see cref="SignIn.SignInEligibility"/>), every session ends
    /// (the applications are told by back-channel logout), every authorization and token is revoked, the cookies of
    /// every browser stop working at their next check (a new security stamp), and nothing is sent to the user's phone.
    /// An administrator cannot disable their own account, nor the last administrator who may still sign in.
    /// </summary>
    public async Task<CommandResult> DisableAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken)
    {
        if (user.DisabledAt is not null)
        {
            return CommandResult.Done(user.Id);
        }

        if (await RefusalToRemoveAsync(user, who, "disable") is { } refused)
        {
            return refused;
        }

        await ActAsync(user, who, AdminEventTypes.UserDisabled, async () =>
        {
            user.DisabledAt = time.GetUtcNow().UtcDateTime;
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, keep: null, cancellationToken);
            await sessionTokens.RevokeEverythingAsync(user.Id, cancellationToken);
        }, cancellationToken);
        return CommandResult.Done(user.Id);
    }

    /// <summary>
    /// Deletes the user and erases their personal data (<see cref="UserErasure"/>), in one transaction; the audit keeps
    /// that a user was deleted, by whom, under the pseudonym only. Refused for one's own account and the last
    /// administrator who can sign in.
    /// </summary>
    public async Task<CommandResult> DeleteAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken)
    {
        if (await RefusalToRemoveAsync(user, who, "delete") is { } refused)
        {
            return refused;
        }

        return await database.InTransactionAsync(async () =>
        {
            await erasure.EraseAsync(user, cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.UserDeleted, user.Id, null, new { user = UserErasure.PseudonymOf(user.Id) },
                cancellationToken);
            return CommandResult.Done(user.Id);
        }, commits: result => result.Succeeded, cancellationToken);
    }

    /// <summary>Why <paramref name="who"/> may not take <paramref name="user"/> out of service (disable, delete), or null.</summary>
    private async Task<CommandResult?> RefusalToRemoveAsync(ApplicationUser user, Administrator who, string verb)
    {
        if (string.Equals(user.UserName, who.Name, StringComparison.OrdinalIgnoreCase))
        {
            return CommandResult.Refused(nameof(ApplicationUser.DisabledAt), $"You cannot {verb} your own account.");
        }

        return await IsAdministratorAsync(user) && await OtherEnabledAdministratorsAsync(user.Id) == 0
            ? CommandResult.Refused(nameof(ApplicationUser.DisabledAt),
                LastAdministrator)
            : null;
    }

    /// <summary>The user may sign in again, as before (a password, factors and phone kept); nothing revoked comes back.</summary>
    public Task EnableAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        ActAsync(user, who, AdminEventTypes.UserEnabled, async () =>
        {
            user.DisabledAt = null;
            await users.UpdateAsync(user);
        }, cancellationToken);

    /// <summary>
    /// Sets a password the administrator typed, or generates one when <paramref name="password"/> is blank (returned to be
    /// handed over once, never stored in clear or logged): the user must choose their own at the next sign-in
    /// (<see cref="SignIn.RequiredActions.UpdatePassword"/>), and whoever held the old one is signed out (sessions ended,
    /// tokens revoked). The policy's password rules apply to a typed one.
    /// </summary>
    public async Task<(CommandResult Result, string? Password)> SetTemporaryPasswordAsync(ApplicationUser user, string? password,
        Administrator who, CancellationToken cancellationToken)
    {
        var temporary = string.IsNullOrWhiteSpace(password) ? TemporaryPassword.New() : password;
        var result = await database.InTransactionAsync(async () =>
        {
            var set = await users.ReplacePasswordAsync(user, temporary);
            if (!set.Succeeded)
            {
                return CommandResult.Refused(
                    [.. set.Errors.Select(error => new FieldProblem(nameof(UserChange.Password), error.Description))]);
            }

            SignIn.RequiredActions.Add(user, SignIn.RequiredActions.UpdatePassword);
            await users.UpdateAsync(user);
            await sessions.EndAllAsync(user.Id, keep: null, cancellationToken);
            await sessionTokens.RevokeAllAsync(user.Id, cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.UserTemporaryPasswordSet, user.Id, null,
                new { generated = string.IsNullOrWhiteSpace(password) }, cancellationToken);
            return CommandResult.Done(user.Id);
        }, commits: result => result.Succeeded, cancellationToken);
        return (result, result.Succeeded && string.IsNullOrWhiteSpace(password) ? temporary : null);
    }

    /// <summary>What the user must do at the next sign-in, as the administrator ticked it (unknown names refused).</summary>
    public async Task<CommandResult> SetRequiredActionsAsync(ApplicationUser user, IReadOnlyCollection<string> actions,
        Administrator who, CancellationToken cancellationToken)
    {
        if (SignIn.RequiredActions.Unknown(actions) is [var unknown, ..])
        {
            return CommandResult.Refused(nameof(ApplicationUser.RequiredActions), $"There is no required action '{unknown}'.");
        }

        var before = SignIn.RequiredActions.Of(user);
        SignIn.RequiredActions.Set(user, actions);
        await database.InTransactionAsync(async () =>
        {
            await users.UpdateAsync(user);
            await log.WriteAsync(who, AdminEventTypes.UserRequiredActionsChanged, user.Id, new { requiredActions = before },
                new { requiredActions = SignIn.RequiredActions.Of(user) }, cancellationToken);
            return true;
        }, commits: _ => true, cancellationToken);
        return CommandResult.Done(user.Id);
    }

    /// <summary>
    /// Makes the user an administrator or no longer one (SCIM's <c>admin</c> group membership), with the rule of
    /// <see cref="SaveAsync"/>: the last administrator who can sign in stays one. Audited as a change of the user.
    /// </summary>
    public async Task<CommandResult> SetAdministratorAsync(ApplicationUser user, bool administrator, Administrator who,
        CancellationToken cancellationToken)
    {
        if (await IsAdministratorAsync(user) == administrator)
        {
            return CommandResult.Done(user.Id);
        }

        if (await RefusalToDemoteAsync(user, administrator) is { } lastAdministrator)
        {
            return lastAdministrator;
        }

        return await database.InTransactionAsync(async () =>
        {
            var before = await SnapshotAsync(user);
            await SetAdministratorAsync(user, administrator);
            await log.WriteAsync(who, AdminEventTypes.UserChanged, user.Id, before, await SnapshotAsync(user), cancellationToken);
            return CommandResult.Done(user.Id);
        }, commits: result => result.Succeeded, cancellationToken);
    }

    // Nobody could administer the server any more: no enabled administrator would be left.
    private async Task<CommandResult?> RefusalToDemoteAsync(ApplicationUser user, bool staysAdministrator) =>
        !staysAdministrator && user.DisabledAt is null && await IsAdministratorAsync(user)
            && await OtherEnabledAdministratorsAsync(user.Id) == 0
            ? CommandResult.Refused(nameof(UserChange.IsAdministrator),
                LastAdministrator)
            : null;

    private async Task<int> OtherEnabledAdministratorsAsync(string userId) =>
        (await users.GetUsersInRoleAsync(AdministratorRole)).Count(other => other.Id != userId && other.DisabledAt is null);

    public Task EndSessionsAsync(ApplicationUser user, Administrator who, CancellationToken cancellationToken) =>
        ActAsync(user, who, AdminEventTypes.UserSessionsEnded, () => sessions.EndAllAsync(user.Id, keep: null, cancellationToken),
            cancellationToken);

    private Task ActAsync(
        ApplicationUser user, Administrator who, string eventType, Func<Task> action, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            await action();
            await log.WriteAsync(who, eventType, user.Id, null, null, cancellationToken);
            return true;
        }, commits: _ => true, cancellationToken);

    private async Task<(List<FieldProblem> Problems, string? Phone, Guid? PolicyId, List<(string Name,
        string Value)> Attributes)> ValidateAsync(
        UserChange change, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        string? phone = null;
        Guid? policyId = null;
        if (change.Id is null && string.IsNullOrWhiteSpace(change.UserName))
        {
            problems.Add(new(nameof(UserChange.UserName), "Enter a username."));
        }

        // Like a password, a hash is the first one only: an update leaves the user's own.
        if (change.Id is null && change.PasswordHash is { Length: > 0 } hash)
        {
            var problem = !string.IsNullOrEmpty(change.Password) ? "give a password or a passwordHash, not both."
                : Users.ForeignPasswords.ForeignPasswordHash.ProblemForNewUser(hash, allowWeak: false, out _);
            if (problem is not null)
            {
                problems.Add(new(nameof(UserChange.PasswordHash), problem));
            }
        }

        foreach (var (field, text) in new[] { (nameof(UserChange.DisplayName), change.DisplayName), (nameof(UserChange.Email),
                     change.Email) }.Where(typed => TextRules.HasControlCharacters(typed.Item2)))
        {
            problems.Add(new(field, "The text " + TextRules.ControlCharacters));
        }

        if (!string.IsNullOrWhiteSpace(change.PhoneNumber))
        {
            if (PhoneNumberRules.TryNormalize(change.PhoneNumber, out var e164, out _, out var problem))
            {
                phone = e164;
            }
            else
            {
                problems.Add(new(nameof(UserChange.PhoneNumber), problem!.English));
            }
        }

        if (!string.IsNullOrWhiteSpace(change.PolicyId))
        {
            if (Guid.TryParse(change.PolicyId, out var id) && await database.Set<SecurityPolicy>().AnyAsync(p => p.Id == id,
                cancellationToken))
            {
                policyId = id;
            }
            else
            {
                problems.Add(new(nameof(UserChange.PolicyId), "Choose one of the policies."));
            }
        }

        var (attributes, attributeProblems) = UserAttribute.ParseLines(change.Attributes);
        problems.AddRange(attributeProblems.Select(problem => new FieldProblem(nameof(UserChange.Attributes), problem)));
        return (problems, phone, policyId, attributes);
    }

    private async Task<IdentityResult> CreateAsync(ApplicationUser user, UserChange change)
    {
        user.UserName = change.UserName!.Trim();
        // A hash from another system is kept as it came, verified and replaced at the user's first sign-in.
        user.PasswordHash = string.IsNullOrEmpty(change.PasswordHash) ? null : change.PasswordHash;
        return string.IsNullOrEmpty(change.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, change.Password);
    }

    /// <summary>Identity's errors, each beside the field it is about.</summary>
    private static FieldProblem ProblemOf(IdentityError error) => new(
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(UserChange.Password)
            : error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(UserChange.Email)
            : nameof(UserChange.UserName),
        error.Description);

    private async Task ReplaceAttributesAsync(ApplicationUser user, List<(string Name, string Value)> attributes,
        CancellationToken cancellationToken)
    {
        await database.Set<UserAttribute>().Where(a => a.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        foreach (var stale in database.ChangeTracker.Entries<UserAttribute>().ToList())
        {
            stale.State = EntityState.Detached;
        }

        // The user object stays in use after the save (the API answers with it): it must not still list the old ones.
        user.Attributes.Clear();
        database.AddRange(attributes.DistinctBy(a => a.Name).Select(a => new UserAttribute { UserId = user.Id, Name = a.Name,
            Value = a.Value }));
        await database.SaveChangesAsync(cancellationToken);
    }

    private async Task SetAdministratorAsync(ApplicationUser user, bool administrator)
    {
        var isNow = await users.IsInRoleAsync(user, AdministratorRole);
        if (administrator && !isNow)
        {
            await GrantAdministratorRoleAsync(users, roles, user);
        }
        else if (!administrator && isNow)
        {
            await users.RemoveFromRoleAsync(user, AdministratorRole);
        }
    }

    /// <summary>Makes <paramref name="user"/> an administrator, creating the role on first use.</summary>
    internal static async Task GrantAdministratorRoleAsync(IdpUserManager users, RoleManager<IdentityRole> roles, ApplicationUser user)
    {
        if (!await roles.RoleExistsAsync(AdministratorRole))
        {
            await roles.CreateAsync(new IdentityRole(AdministratorRole));
        }

        await users.AddToRoleAsync(user, AdministratorRole);
    }

    private async Task<object> SnapshotAsync(ApplicationUser user) => new
    {
        user.UserName,
        user.DisplayName,
        user.Email,
        Phone = user.PhoneNumber is null ? null : PhoneNumberRules.Mask(user.PhoneNumber),
        user.SecurityPolicyId,
        Roles = await users.GetRolesAsync(user),
    };
}

/// <summary>
/// A user as an administrator saves it. <see cref="Id"/> null creates one (then <see cref="UserName"/> is required and
/// <see cref="Password"/> or <see cref="PasswordHash"/> optional: the hash of another system, verified at the first
/// sign-in); <see cref="Attributes"/> are <c>name=value</c> lines and replace the user's.
/// </summary>
public sealed record UserChange(
    string? Id,
    string? UserName,
    string? Password,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? PolicyId,
    bool IsAdministrator,
    string? Attributes,
    string? PasswordHash = null);
