using System.Security.Claims;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

/// <summary>
/// A sign-in whose password was right and whose second factor is still to come: a short-lived cookie of its own
/// (Identity's two-factor scheme), which grants nothing but the second-factor and enrolment pages.
/// </summary>
public sealed class PendingSignIn(SignInManager<ApplicationUser> signIn, SignInEligibility eligibility)
{
    private static readonly string Scheme = IdentityConstants.TwoFactorUserIdScheme;

    private const string ProvedClaim = "idp_proved";

    // The relying application asked for two factors (acr_values=mfa) of a user whose policy does not require them.
    private const string SecondFactorDemandedClaim = "idp_second_factor_demanded";

    // The first factor was an outside identity provider: its name.
    private const string FederatedClaim = "idp_federated";

    /// <summary>How long the user has for the second factor after the password.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private HttpContext Context => signIn.Context;

    /// <param name="proved">What was proved beyond the password (the <c>amr</c>), when only a required action is left.</param>
    /// <param name="secondFactorDemanded">A step-up: the second factor is due because the application asked for it.</param>
    /// <param name="identityProvider">The first factor was this outside identity provider (<c>fed</c>), not the password.
    /// Kept apart from <paramref name="proved"/>, which the required-action pages take as "only the action is left".</param>
    public Task StartAsync(ApplicationUser user, IReadOnlyList<string>? proved = null, bool secondFactorDemanded = false,
        string? identityProvider = null)
    {
        var options = signIn.UserManager.Options.ClaimsIdentity;
        var identity = new ClaimsIdentity(Scheme);
        identity.AddClaim(new Claim(options.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(options.SecurityStampClaimType, user.SecurityStamp ?? ""));
        identity.AddClaims((proved ?? []).Select(amr => new Claim(ProvedClaim, amr)));
        if (secondFactorDemanded)
        {
            identity.AddClaim(new Claim(SecondFactorDemandedClaim, "true"));
        }

        if (identityProvider is not null)
        {
            identity.AddClaim(new Claim(FederatedClaim, identityProvider));
        }

        return Context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The user half-way through signing in, while still allowed to sign in and with the same password.</summary>
    public async Task<ApplicationUser?> ReadAsync() => (await ReadWithProofAsync()).User;

    /// <summary>As <see cref="ReadAsync"/>, with what the sign-in proved so far (empty: the password only).</summary>
    public async Task<(ApplicationUser? User, IReadOnlyList<string> Proved)> ReadWithProofAsync()
    {
        var result = await Context.AuthenticateAsync(Scheme);
        if (!result.Succeeded)
        {
            return (null, []);
        }

        var options = signIn.UserManager.Options.ClaimsIdentity;
        var user = await signIn.UserManager.FindByIdAsync(result.Principal.FindFirstValue(options.UserIdClaimType) ?? "");
        var stampStill = user is not null && result.Principal.FindFirstValue(options.SecurityStampClaimType) == (user.SecurityStamp ?? "");
        var proved = result.Principal.FindAll(ProvedClaim).Select(claim => claim.Value).ToList();
        return stampStill && await eligibility.MaySignInAsync(user!) ? (user, proved) : (null, []);
    }

    /// <summary>Whether the pending sign-in is a step-up the application asked for (see <see cref="StartAsync"/>).</summary>
    public async Task<bool> DemandsSecondFactorAsync() =>
        (await Context.AuthenticateAsync(Scheme)) is { Succeeded: true } result
        && result.Principal.HasClaim(SecondFactorDemandedClaim, "true");

    /// <summary>The outside identity provider the pending sign-in of <paramref name="user"/> began at, or null.</summary>
    public async Task<string?> IdentityProviderOfAsync(ApplicationUser user) =>
        (await Context.AuthenticateAsync(Scheme)) is { Succeeded: true } result
        && result.Principal.FindFirstValue(signIn.UserManager.Options.ClaimsIdentity.UserIdClaimType) == user.Id
            ? result.Principal.FindFirstValue(FederatedClaim) : null;

    public Task EndAsync() => Context.SignOutAsync(Scheme);
}
