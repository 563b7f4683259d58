using IdpSmsReset.Core.Policies;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>The policy's password rules in the words of the page's language.</summary>
internal sealed class AccountPasswordRuleTexts(IStringLocalizer<SharedResource> localizer) : IPasswordRuleTexts
{
    public string TooShort(int minLength) =>
        localizer["Use at least {0} characters; a few words make a password that is long and easy to remember.", minLength];

    public string TooLong(int maxLength) => localizer["Use at most {0} characters.", maxLength];

    public string TooCommon() => localizer["This password is one of the most common ones, which attackers try first: choose another."];

    public string Reused(int historyCount) =>
        localizer["You have used this password recently: choose one that is not among your last {0}.", historyCount];
}
