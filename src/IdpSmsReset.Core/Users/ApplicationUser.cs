using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Users;

/// <summary>An account that signs in on the hosted pages.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to relying applications (the <c>name</c> claim); falls back to the user name.</summary>
    public string? DisplayName { get; set; }

    public ICollection<UserAttribute> Attributes { get; } = [];

    /// <summary>The user's security policy; null means the default policy.</summary>
    public Guid? SecurityPolicyId { get; set; }

    /// <summary>Wrong second-factor codes since the last success or lock; counted apart from wrong passwords.</summary>
    public int SecondFactorFailedCount { get; set; }

    /// <summary>
    /// Set when too many wrong reset codes were typed for this account: no reset code is sent and none verifies until
    /// an administrator lifts it or the user signs in.
    /// </summary>
    public DateTime? SmsResetSuspendedAt { get; set; }

    /// <summary>Wrong reset codes before this time no longer count towards the suspension (set when one is lifted).</summary>
    public DateTime? SmsResetWrongCodesCountedFrom { get; set; }

    /// <summary>
    /// Set while an administrator has the account disabled: it may not sign in by any way, and nothing is sent to its
    /// phone (<see cref="SignIn.SignInEligibility"/>). Everything else about it is kept, to enable it again.
    /// </summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>
    /// Since when the user asked for a code by SMS at every sign-in (<see cref="Mfa.SmsTwoStep"/>), where their policy
    /// would not require one; null while they have not.
    /// </summary>
    public DateTime? SmsTwoStepSince { get; set; }

    /// <summary>What the user must do at the next sign-in (<see cref="SignIn.RequiredActions"/>), comma-separated.</summary>
    public string RequiredActions { get; set; } = "";

    /// <summary>The language of the user's last sign-in (<c>en</c>, <c>es</c>, <c>fr</c>): the language of SMS sent to them
    /// later.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>When the account was created (<see cref="Persistence.UserChangeTimes"/>); null for accounts from before it
    /// was recorded.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>When the account last changed in any way, sign-ins included (<see cref="Persistence.UserChangeTimes"/>).</summary>
    public DateTime? ChangedAt { get; set; }
}
