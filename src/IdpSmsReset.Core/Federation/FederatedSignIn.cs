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
            await audit.RaiseAsync(AuditEventTypes.FederatedSignInFailed, AuditActors.Anonymous, null, ipAddress,
                $"Through {name}: {refusal}.", cancellationToken);
            return (null, refusal);
        }

        logger.FederatedSignIn(user.Id, name);
        metrics.FederatedSignIn(name, "success");
        await audit.RaiseAsync(AuditEventTypes.FederatedSignInSucceeded, user.UserName ?? user.Id, user.Id, ipAddress, $"Through {name}.",
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
        await audit.RaiseAsync(AuditEventTypes.FederatedUserProvisioned, AuditActors.System, user.Id, ipAddress,
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

/// <summary>
/// Who the upstream says the person is: its subject, its claims by name (first value of each), and the methods its
/// <c>amr</c> says the person used there.
/// </summary>
public sealed record FederatedIdentity(string? Subject, IReadOnlyDictionary<string, string> Claims,
    IReadOnlyList<string>? UpstreamMethods = null)
{
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// What this sign-in proves here: <c>fed</c>, and when <paramref name="provider"/> is trusted with it and the
    /// upstream says it checked a second factor (<c>amr</c> holds <c>mfa</c>), the upstream's methods and <c>mfa</c>, which
    /// meets a policy's second factor. The upstream's password is its own business, so <c>pwd</c> is not repeated.
    /// </summary>
    public IReadOnlyList<string> ProvedWith(IdentityProvider provider)
    {
        var upstream = UpstreamMethods ?? [];
        if (!provider.TrustUpstreamMfa || !upstream.Contains(AuthenticationMethods.MultiFactor))
        {
            return [AuthenticationMethods.Federated];
        }

        return [AuthenticationMethods.Federated, .. upstream.Where(method => method is not (AuthenticationMethods.Password
            or AuthenticationMethods.Federated or AuthenticationMethods.MultiFactor) && KnownMethod(method)).Distinct(),
            AuthenticationMethods.MultiFactor];
    }

    // RFC 8176's values only: an upstream's own words must not become claims that relying applications act on.
    private static bool KnownMethod(string method) => method is "face" or "fpt" or "geo" or "hwk" or "iris" or "kba" or "mca"
        or "otp" or "pin" or "rba" or "retina" or "sc" or "sms" or "swk" or "tel" or "user" or "vbm" or "wia";
}

/// <summary>Why a person who proved an identity upstream is not signed in here; each is said in its own words.</summary>
public enum FederatedRefusal
{
    None,

    /// <summary>The provider is unknown or disabled: no new sign-ins through it.</summary>
    ProviderUnavailable,

    /// <summary>The upstream gave no subject (<c>sub</c>) to link the account by.</summary>
    NoSubject,

    /// <summary>The provider signs in only accounts linked beforehand, and this identity is linked to none.</summary>
    NotLinked,

    /// <summary>A local account already has the upstream's e-mail address: it is never linked by that alone (account
    /// takeover); its owner signs in locally and links the provider.</summary>
    EmailInUse,

    /// <summary>The linked account is disabled, locked or otherwise may not sign in.</summary>
    AccountRefused,
}
