using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Mfa;

/// <summary>Which second factors a user must, can and may yet enrol, from the user's policy, the SMS factor and what the user
/// enrolled.</summary>
public sealed class SecondFactorMethods(IdpDbContext database, SecurityPolicyService policies, UserPhoneResolver phones,
    RolesRequiringSecondFactor roles)
{
    public async Task<UserSecondFactors> ForUserAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var mfa = (await policies.ForUserAsync(user, cancellationToken)).Mfa;
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        var smsAllowed = mfa.SmsEnabled && settings is { IsConfigured: true };
        var phone = smsAllowed ? await VerifiedPhoneAsync(user, settings!, cancellationToken) : null;
        var totpAllowed = mfa.TotpEnabled && await AuthenticatorFactorOnAsync(cancellationToken);
        var hasAuthenticator = totpAllowed && await database.Set<AuthenticatorApp>().AnyAsync(app => app.UserId == user.Id,
            cancellationToken);
        return new UserSecondFactors(
            PolicyRequires: mfa.Require == MfaRequirement.Always || ActionRequiresIt(user)
                || await HasRoleRequiringItAsync(user, cancellationToken),
            SmsPhone: phone,
            HasAuthenticator: hasAuthenticator,
            CanEnrolPhone: smsAllowed && settings!.PhoneField == SmsFactorSettings.DefaultPhoneField,
            CanEnrolAuthenticator: totpAllowed,
            HasPasskey: mfa.PasskeyEnabled && await HasPasskeyAsync(user, cancellationToken),
            SmsChosen: user.SmsTwoStepSince is not null);
    }

    /// <summary>
    /// The cheap question asked on every authorization request of a session without MFA: must this user show a second
    /// factor? Yes when the policy requires it, or when the user enrolled an authenticator app or a passkey the policy
    /// allows, or turned SMS two-step on.
    /// </summary>
    public async Task<bool> IsRequiredAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var mfa = (await policies.ForUserAsync(user, cancellationToken)).Mfa;
        return mfa.Require == MfaRequirement.Always
            || ActionRequiresIt(user)
            || await HasRoleRequiringItAsync(user, cancellationToken)
            || (mfa.TotpEnabled && await database.Set<AuthenticatorApp>().AnyAsync(app => app.UserId == user.Id, cancellationToken)
                && await AuthenticatorFactorOnAsync(cancellationToken))
            || (mfa.PasskeyEnabled && await HasPasskeyAsync(user, cancellationToken))
            || (user.SmsTwoStepSince is not null && mfa.SmsEnabled && await SmsChosenUsableAsync(user, cancellationToken));
    }

    // As ForUserAsync counts it: a number that can still receive the codes.
    private async Task<bool> SmsChosenUsableAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        await database.SmsFactorSettingsAsync(cancellationToken) is { IsConfigured: true } settings
            && await VerifiedPhoneAsync(user, settings, cancellationToken) is not null;

    // An administrator (or the bootstrap) asked this user to set up a second factor: required as by a policy until done.
    private static bool ActionRequiresIt(ApplicationUser user) =>
        SignIn.RequiredActions.Has(user, SignIn.RequiredActions.ConfigureSecondFactor);

    private Task<bool> HasPasskeyAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        database.UserPasskeys.AnyAsync(passkey => passkey.UserId == user.Id, cancellationToken);

    private async Task<bool> HasRoleRequiringItAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (roles.NormalizedNames.Count == 0)
        {
            return false;
        }

        var names = roles.NormalizedNames;
        return await database.UserRoles.Where(link => link.UserId == user.Id)
            .Join(database.Roles, link => link.RoleId, role => role.Id, (_, role) => role.NormalizedName)
            .AnyAsync(name => names.Contains(name!), cancellationToken);
    }

    /// <summary>Whether authenticator apps may be used at all (the administrators' switch; on unless switched off).</summary>
    public async Task<bool> AuthenticatorFactorOnAsync(CancellationToken cancellationToken) =>
        await database.Set<AuthenticatorFactorSettings>().AsNoTracking().Select(s
            => (bool?)s.Enabled).SingleOrDefaultAsync(cancellationToken) ?? true;

    /// <summary>Switches authenticator apps on or off for every policy.</summary>
    public async Task SetAuthenticatorFactorAsync(bool enabled, DateTime now, CancellationToken cancellationToken)
    {
        var settings = await database.Set<AuthenticatorFactorSettings>().SingleOrDefaultAsync(cancellationToken)
            ?? database.Add(new AuthenticatorFactorSettings()).Entity;
        settings.Enabled = enabled;
        settings.UpdatedAt = now;
        await database.SaveChangesAsync(cancellationToken);
    }

    // A number in Identity's field counts once verified; a custom attribute is set by an administrator, who vouches for it.
    private async Task<string?> VerifiedPhoneAsync(ApplicationUser user, SmsFactorSettings settings, CancellationToken cancellationToken)
    {
        if (settings.PhoneField == SmsFactorSettings.DefaultPhoneField && !user.PhoneNumberConfirmed)
        {
            return null;
        }

        return await phones.GetPhoneAsync(user, settings, cancellationToken);
    }
}

/// <summary>A user's second factors at this moment.</summary>
public sealed record UserSecondFactors(bool PolicyRequires, string? SmsPhone, bool HasAuthenticator, bool CanEnrolPhone,
    bool CanEnrolAuthenticator, bool HasPasskey = false, bool SmsChosen = false)
{
    public bool CanUseSms => SmsPhone is not null;

    /// <summary>
    /// Asked after the password: required by the policy, or chosen by the user (an app or a passkey enrolled, SMS two-step
    /// turned on with a number that can still receive the codes).
    /// </summary>
    public bool IsRequired => PolicyRequires || HasAuthenticator || HasPasskey || (SmsChosen && CanUseSms);

    public bool HasUsableFactor => CanUseSms || HasAuthenticator || HasPasskey;

    /// <summary>Required, but nothing to show: the user must enrol before signing in.</summary>
    public bool NeedsEnrolment => IsRequired && !HasUsableFactor;

    public bool CanEnrol => CanEnrolPhone || CanEnrolAuthenticator;
}
