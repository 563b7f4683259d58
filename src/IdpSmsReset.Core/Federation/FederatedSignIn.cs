using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Federation;

/// <summary>
/// The one owner of "who is this person here" after an upstream identity provider vouched for them. An identity is
/// found by its link (provider name and upstream subject, Identity's user logins), never by its e-mail address: an
/// upstream that lets anyone claim any address would otherwise hand out local accounts. Without a link, a provider with
/// automatic provisioning creates the user (no password), others refuse.
/// </summary>
public sealed class FederatedSignIn(
    UserManager<ApplicationUser> users, SignInEligibility eligibility, AuditLog audit, Telemetry.IdpMetrics metrics,
    ILogger<FederatedSignIn> logger)
{
    /// <summary>The user the identity signs in as, or why none.</summary>
    public async Task<(ApplicationUser? User, FederatedRefusal Refusal)> ResolveAsync(IdentityProvider? provider,
        FederatedIdentity identity, string? ipAddress, CancellationToken cancellationToken)
    {
        var (user, refusal) = await FindOrProvisionAsync(provider, identity, ipAddress, cancellationToken);
        if (user is not null && await eligibility.RefusalAsync(user) != SignInRefusal.None)
        {
            (user, refusal) = (null, FederatedRefusal.AccountRefused);
        }

        var name = provider?.Name ?? "(unknown)";
        if (user is null)
        {
            logger.FederatedSignInRefused(name, refusal);
            // A stored provider's name, never the request's: no one can add values to the metric.
            metrics.FederatedSignIn(name, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(refusal.ToString()));
            await audit.WriteAsync(AuditEventTypes.FederatedSignInFailed, AuditActors.Anonymous, null, ipAddress,
                $"Through {name}: {refusal}.", cancellationToken);
            return (null, refusal);
        }

        logger.FederatedSignIn(user.Id, name);
        metrics.FederatedSignIn(name, "success");
        await audit.WriteAsync(AuditEventTypes.FederatedSignInSucceeded, user.UserName ?? user.Id, user.Id, ipAddress, $"Through {name}.",
            cancellationToken);
        return (user, FederatedRefusal.None);
    }

    private async Task<(ApplicationUser? User, FederatedRefusal Refusal)> FindOrProvisionAsync(IdentityProvider? provider,
        FederatedIdentity identity, string? ipAddress, CancellationToken cancellationToken)
    {
        if (provider is not { Enabled: true })
        {
            return (null, FederatedRefusal.ProviderUnavailable);
        }

        if (string.IsNullOrWhiteSpace(identity.Subject))
        {
            return (null, FederatedRefusal.NoSubject);
        }

        if (await users.FindByLoginAsync(provider.Name, identity.Subject) is { } linked)
        {
            return (linked, FederatedRefusal.None);
        }

        if (provider.Provisioning != IdentityProviderVocabulary.Automatic)
        {
            return (null, FederatedRefusal.NotLinked);
        }

        var email = identity.Claim(provider.EmailClaim);
        if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            return (null, FederatedRefusal.EmailInUse);
        }

        var user = await ProvisionAsync(provider, identity, email);
        await audit.WriteAsync(AuditEventTypes.FederatedUserProvisioned, AuditActors.System, user.Id, ipAddress,
            $"Created at the first sign-in through {provider.Name}.", cancellationToken);
        logger.FederatedUserProvisioned(user.Id, provider.Name);
        return (user, FederatedRefusal.None);
    }

    /// <summary>
    /// A new user with the mapped claims and the link, and no password (so no password reset either). The upstream's
    /// user name is taken when no one here has it; otherwise the provider's name and the subject make one. The phone
    /// number is left out: an upstream's unverified number must not become where this server sends reset codes.
    /// </summary>
    private async Task<ApplicationUser> ProvisionAsync(IdentityProvider provider, FederatedIdentity identity, string? email)
    {
        var wanted = identity.Claim(provider.UserNameClaim);
        var userName = wanted is not null && await users.FindByNameAsync(wanted) is null ? wanted : $"{provider.Name}.{identity.Subject}";
        var user = new ApplicationUser
        {
            UserName = userName, Email = email, EmailConfirmed = email is not null && identity.Claim("email_verified") == "true",
            DisplayName = identity.Claim(provider.DisplayNameClaim), SecurityPolicyId = provider.SecurityPolicyId,
        };
        Succeeded(await users.CreateAsync(user), "create");
        Succeeded(await users.AddLoginAsync(user, new UserLoginInfo(provider.Name, identity.Subject!, provider.DisplayName)), "link");
        return user;
    }

    private static void Succeeded(IdentityResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Provisioning could not {step} the user: " +
                string.Join(" ", result.Errors.Select(error => error.Description)));
        }
    }
}
