using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// The rules a new password must meet, said under the field before the first try: the user's own policy (the default
/// policy's when the user is not known), in the page's language, so that no rule is learnt from a refusal.
/// </summary>
public sealed class PasswordRulesHint(SecurityPolicyService policies, IStringLocalizer<SharedResource> localizer)
{
    public async Task<string> ForAsync(ApplicationUser? user, CancellationToken cancellationToken)
    {
        var rules = (await policies.ForUserAsync(user, cancellationToken)).Password;
        var length = localizer["Use {0} to {1} characters; a few words make a password that is long and easy to remember.",
            rules.MinLength, rules.MaxLength];
        var refused = (rules.BlockCommonPasswords, rules.HistoryCount) switch
        {
            (true, > 0) => localizer["The most common passwords and your last {0} are refused.", rules.HistoryCount],
            (true, _) => localizer["The most common passwords are refused."],
            (false, > 0) => localizer["Your last {0} passwords are refused.", rules.HistoryCount],
            _ => null,
        };
        return refused is null ? length : $"{length} {refused}";
    }
}
