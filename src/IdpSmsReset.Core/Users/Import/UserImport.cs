using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// Moves users in from another system, the one owner of an import whatever started it (the management API, the command
/// line): each user checked by <see cref="ImportedUserRules"/>, then written a batch at a time, the batch's users, their
/// attributes, roles and authenticator secrets and one audit row (<c>admin.users-imported</c>) in one transaction. No
/// password hash is computed for a user that brings one, so a large import costs inserts only. A line refused does not
/// stop the others; a name already here is skipped, or its profile updated with <see cref="UserImportOptions.Update"/>.
/// </summary>
public sealed class UserImport(
    IdpDbContext database, IdpUserManager users, RoleManager<IdentityRole> roles, AuthenticatorService authenticators,
    AdminChangeLog log, TimeProvider time)
{
    /// <summary>Users a transaction: large enough that round trips do not dominate, small enough to keep memory flat.</summary>
    public const int BatchSize = 1000;

    public async Task<UserImportReport> ImportAsync(IAsyncEnumerable<UserImportLine> lines, UserImportOptions options,
        Administrator who, IProgress<UserImportReport>? progress, CancellationToken cancellationToken)
    {
        var report = new UserImportReport { DryRun = options.DryRun };
        var policies = await database.Set<SecurityPolicy>().AsNoTracking()
            .ToDictionaryAsync(policy => policy.Name, policy => policy.Id, cancellationToken);
        var allowedCharacters = users.Options.User.AllowedUserNameCharacters;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Candidate>(BatchSize);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            report.Lines++;
            if (line.User is not { } user)
            {
                report.Refuse(line.Line, null, line.Problem!);
                continue;
            }

            var check = ImportedUserRules.Check(user, options, allowedCharacters, policies);
            var name = users.NormalizeName(user.UserName?.Trim()) ?? "";
            var email = string.IsNullOrWhiteSpace(user.Email) ? null : users.NormalizeEmail(user.Email.Trim());
            var problem = check.Problem
                ?? (!names.Add(name) ? "userName appears on an earlier line." : null)
                ?? (email is not null && !emails.Add(email)
                    ? $"email '{user.Email}' is on an earlier line; one address, one account." : null);
            if (problem is not null)
            {
                report.Refuse(line.Line, user.UserName, problem);
                continue;
            }

            batch.Add(new Candidate(line.Line, user, check, name, email));
            if (batch.Count == BatchSize)
            {
                await WriteAsync(batch, options, who, report, cancellationToken);
                progress?.Report(report);
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch, options, who, report, cancellationToken);
        }

        // Plain passwords are judged in the batch, after the rules: the report lists refusals in file order all the same.
        report.Refused.Sort((one, other) => one.Line.CompareTo(other.Line));
        progress?.Report(report);
        return report;
    }

    private async Task WriteAsync(List<Candidate> batch, UserImportOptions options, Administrator who, UserImportReport report,
        CancellationToken cancellationToken)
    {
        var names = batch.Select(candidate => candidate.Name).ToList();
        var emails = batch.Select(candidate => candidate.Email).OfType<string>().ToList();
        var existing = await database.Users.Where(user => names.Contains(user.NormalizedUserName!))
            .ToDictionaryAsync(user => user.NormalizedUserName!, cancellationToken);
        var emailOwners = emails.Count == 0 ? [] : await database.Users.AsNoTracking()
            .Where(user => emails.Contains(user.NormalizedEmail!))
            .Select(user => new { user.NormalizedEmail, user.NormalizedUserName })
            .ToDictionaryAsync(owner => owner.NormalizedEmail!, owner => owner.NormalizedUserName!, cancellationToken);
        var (created, updated, skipped) = (0, 0, 0);
        foreach (var candidate in batch)
        {
            var stored = existing.GetValueOrDefault(candidate.Name);
            if (stored is not null && !options.Update)
            {
                skipped++;
                continue;
            }

            if (candidate.Email is { } email && emailOwners.TryGetValue(email, out var owner) && owner != candidate.Name)
            {
                report.Refuse(candidate.Line, candidate.User.UserName,
                    $"email '{candidate.User.Email}' is already the address of another account; one address, one account.");
                continue;
            }

            var problem = stored is null ? await AddAsync(candidate, options) : await UpdateAsync(stored, candidate, options);
            if (problem is not null)
            {
                report.Refuse(candidate.Line, candidate.User.UserName, problem);
                continue;
            }

            _ = stored is null ? created++ : updated++;
        }

        if (!options.DryRun && created + updated > 0)
        {
            await database.InTransactionAsync(async () =>
            {
                await log.WriteAsync(who, AdminEventTypes.UsersImported, null, null, new
                {
                    lines = $"{batch[0].Line}-{batch[^1].Line}", created, updated, skipped,
                }, cancellationToken);
                await database.SaveChangesAsync(cancellationToken);
                return true;
            }, _ => true, cancellationToken);
        }

        (report.Created, report.Updated, report.Skipped) = (report.Created + created, report.Updated + updated, report.Skipped + skipped);
        database.ChangeTracker.Clear();
        batch.Clear();
    }

    private async Task<string?> AddAsync(Candidate candidate, UserImportOptions options)
    {
        var source = candidate.User;
        var user = new ApplicationUser
        {
            UserName = source.UserName!.Trim(),
            NormalizedUserName = candidate.Name,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
            CreatedAt = source.CreatedAt?.UtcDateTime,
            DisabledAt = source.Enabled ? null : time.GetUtcNow().UtcDateTime,
            PasswordHash = string.IsNullOrEmpty(source.PasswordHash) ? null : source.PasswordHash,
        };
        ApplyProfile(user, candidate);
        SignIn.RequiredActions.Set(user, candidate.Check.WeakHash
            ? [.. source.RequiredActions, SignIn.RequiredActions.UpdatePassword] : source.RequiredActions);
        if (!string.IsNullOrEmpty(source.Password))
        {
            // The user's policy judges a password in clear, as it would one typed on the dashboard.
            if (await users.CheckPasswordRulesAsync(user, source.Password) is { Succeeded: false } refused)
            {
                return "password: " + string.Join(" ", refused.Errors.Select(error => error.Description));
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, source.Password);
        }

        database.Users.Add(user);
        if (candidate.Check.TotpSecret is { } secret)
        {
            database.Add(authenticators.AppOf(user.Id, secret, lastUsedStep: 0));
        }

        await AddRolesAsync(user.Id, source.Roles, [], options);
        database.AddRange(source.Attributes.Select(pair => new UserAttribute { UserId = user.Id, Name = pair.Key, Value = pair.Value }));
        return null;
    }

    private async Task<string?> UpdateAsync(ApplicationUser user, Candidate candidate, UserImportOptions options)
    {
        ApplyProfile(user, candidate);
        var stored = await database.Set<UserAttribute>().Where(attribute => attribute.UserId == user.Id).ToListAsync();
        foreach (var (name, value) in candidate.User.Attributes)
        {
            if (stored.Find(attribute => attribute.Name == name) is { } attribute)
            {
                attribute.Value = value;
            }
            else
            {
                database.Add(new UserAttribute { UserId = user.Id, Name = name, Value = value });
            }
        }

        var held = await database.UserRoles.Where(link => link.UserId == user.Id).Select(link => link.RoleId).ToListAsync();
        await AddRolesAsync(user.Id, candidate.User.Roles, held, options);
        return null;
    }

    /// <summary>What an update may change too: the profile, never the password, the actions or the second factors.</summary>
    private static void ApplyProfile(ApplicationUser user, Candidate candidate)
    {
        var source = candidate.User;
        user.DisplayName = string.IsNullOrWhiteSpace(source.DisplayName) ? user.DisplayName : source.DisplayName.Trim();
        if (candidate.Email is not null)
        {
            user.Email = source.Email!.Trim();
            user.NormalizedEmail = candidate.Email;
            user.EmailConfirmed = true;
        }

        if (candidate.Check.Phone is { } phone)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = source.PhoneNumberVerified;
        }

        user.SecurityPolicyId = candidate.Check.PolicyId ?? user.SecurityPolicyId;
    }

    private readonly Dictionary<string, string> _roleIds = new(StringComparer.Ordinal);

    private async Task AddRolesAsync(string userId, List<string> names, List<string> held, UserImportOptions options)
    {
        foreach (var name in names.Distinct())
        {
            if (!_roleIds.TryGetValue(name, out var roleId))
            {
                var role = await roles.FindByNameAsync(name);
                if (role is null && !options.DryRun)
                {
                    // Created at once, outside the batch: a role is shared, and creating it twice is refused.
                    role = new IdentityRole(name);
                    await roles.CreateAsync(role);
                }

                roleId = role?.Id ?? "";
                _roleIds[name] = roleId;
            }

            if (roleId.Length > 0 && !held.Contains(roleId))
            {
                database.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
            }
        }
    }

    private sealed record Candidate(int Line, ImportedUser User, ImportedUserCheck Check, string Name, string? Email);
}

/// <summary>How an import treats what it finds.</summary>
/// <param name="DryRun">Check every line, against the database too, and write nothing.</param>
/// <param name="Update">Update the profile of a user whose name exists (default: skip it).</param>
/// <param name="AllowWeakHashes">
/// Accept hashes under the safe bounds (<see cref="ForeignPasswords.ForeignPasswordHash.Weakness"/>); their users must
/// choose a new password at the first sign-in (<c>update-password</c>).
/// </param>
public sealed record UserImportOptions(bool DryRun = false, bool Update = false, bool AllowWeakHashes = false);
