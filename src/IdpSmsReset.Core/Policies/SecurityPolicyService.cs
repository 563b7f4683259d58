using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Policies;

/// <summary>Creates, changes and deletes policies under <see cref="SecurityPolicyRules"/>, and finds a user's policy.</summary>
public sealed class SecurityPolicyService(IdpDbContext database)
{
    public const string DefaultPolicyName = "Default";

    /// <summary>
    /// The user's own policy, else the default one, else the built-in defaults (before any policy exists). No user (a name
    /// no account has) gets the default: a page then behaves as for most accounts.
    /// </summary>
    public async Task<SecurityPolicy> ForUserAsync(ApplicationUser? user, CancellationToken cancellationToken)
    {
        var policies = database.Set<SecurityPolicy>().AsNoTracking();
        return (user?.SecurityPolicyId is { } id ? await policies.SingleOrDefaultAsync(policy => policy.Id == id, cancellationToken) : null)
            ?? await DefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The name of each user's policy, for a page of users: every policy read once (a server has a handful), rather than
    /// one query a user.
    /// </summary>
    public async Task<Func<ApplicationUser, string>> NamesForAsync(CancellationToken cancellationToken)
    {
        var all = await database.Set<SecurityPolicy>().AsNoTracking().Select(policy => new { policy.Id, policy.Name, policy.IsDefault })
            .ToListAsync(cancellationToken);
        var names = all.ToDictionary(policy => policy.Id, policy => policy.Name);
        var fallback = all.FirstOrDefault(policy => policy.IsDefault)?.Name ?? DefaultPolicyName;
        return user => user.SecurityPolicyId is { } id && names.TryGetValue(id, out var name) ? name : fallback;
    }

    /// <summary>The default policy, else the built-in defaults: what a user without a policy, or a name that is no user, has.</summary>
    public async Task<SecurityPolicy> DefaultAsync(CancellationToken cancellationToken) =>
        await database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(policy => policy.IsDefault, cancellationToken)
            ?? new SecurityPolicy { Name = DefaultPolicyName, IsDefault = true };

    public Task<SecurityPolicy?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        database.Set<SecurityPolicy>().SingleOrDefaultAsync(policy => policy.Name == name, cancellationToken);

    /// <summary>Saves a new or changed policy; making it the default takes that role from the previous default.</summary>
    public async Task<IReadOnlyList<FieldProblem>> SaveAsync(SecurityPolicy policy, CancellationToken cancellationToken)
    {
        var problems = SecurityPolicyRules.Validate(policy).ToList();
        // Looked up only once it is a name at all (a NUL would fail PostgreSQL's query, not this check).
        if (problems.All(problem => problem.Field != "name")
            && await database.Set<SecurityPolicy>().AnyAsync(other => other.Name == policy.Name && other.Id != policy.Id,
                cancellationToken))
        {
            problems.Add(new("name", $"A policy named '{policy.Name}' exists already."));
        }

        if (!policy.IsDefault && await database.Set<SecurityPolicy>().AsNoTracking().AnyAsync(other => other.Id == policy.Id
            && other.IsDefault, cancellationToken))
        {
            problems.Add(new("isDefault", "The default policy stays the default until another policy is made the default."));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (policy.Id == Guid.Empty)
        {
            policy.Id = Guid.NewGuid();
            database.Add(policy);
        }

        // One transaction, so that there is never a moment with two defaults or none.
        await database.InTransactionAsync(async () =>
        {
            if (policy.IsDefault)
            {
                await database.Set<SecurityPolicy>().Where(other => other.IsDefault && other.Id != policy.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(other => other.IsDefault, false), cancellationToken);
            }

            await database.SaveChangesAsync(cancellationToken);
            return true;
        }, commits: _ => true, cancellationToken);
        return [];
    }

    /// <summary>Refuses to delete the default policy or one that users still belong to; says which.</summary>
    public async Task<string?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var policy = await database.Set<SecurityPolicy>().SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        if (policy is null)
        {
            return "That policy does not exist.";
        }

        if (policy.IsDefault)
        {
            return "The default policy cannot be deleted; make another policy the default first.";
        }

        var members = await database.Users.CountAsync(user => user.SecurityPolicyId == id, cancellationToken);
        if (members > 0)
        {
            return $"{members} user(s) belong to '{policy.Name}'; move them to another policy first.";
        }

        database.Remove(policy);
        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Makes sure one default policy exists: a fresh installation gets one with every default.</summary>
    public async Task EnsureDefaultAsync(CancellationToken cancellationToken)
    {
        if (!await database.Set<SecurityPolicy>().AnyAsync(policy => policy.IsDefault, cancellationToken))
        {
            var existing = await FindByNameAsync(DefaultPolicyName, cancellationToken);
            var policy = existing ?? new SecurityPolicy { Name = DefaultPolicyName };
            policy.IsDefault = true;
            var problems = await SaveAsync(policy, cancellationToken);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The default policy cannot be created:" +
                    $" {string.Join(" ", problems.Select(p => p.Problem))}");
            }
        }
    }
}
