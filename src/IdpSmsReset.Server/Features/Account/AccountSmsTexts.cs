using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>The SMS texts of the hosted pages. Codes come first (lock screens show the start) and last, origin-bound.</summary>
internal sealed class AccountSmsTexts(IOptions<IdpOptions> idp) : ISmsTexts
{
    // The origin-bound one-time-code line takes a host without port (WICG "SMS one-time codes").
    private string Host => idp.Value.IssuerUri.Host;

    public string SignInCode(string code, TimeSpan lifetime) =>
        $"{code} is your sign-in code. It expires in {Minutes(lifetime)}. Never share it.\n\n@{Host} #{code}";

    public string PhoneVerificationCode(string code, TimeSpan lifetime) =>
        $"{code} is your code to verify this phone number. It expires in {Minutes(lifetime)}.\n\n@{Host} #{code}";

    public string PhoneChangedNotice() =>
        $"The phone number of your account at {Host} was changed. If you did not do this, contact your administrator.";

    public string PasswordResetCode(string code, TimeSpan lifetime, string? resumeLink) =>
        (resumeLink is null
            ? $"{code} is your code to reset your password. It expires in {Minutes(lifetime)}. Never share it; we will never ask for it."
            : $"{code} is your code to reset your password, sent at your request by an administrator. Enter it at {resumeLink} within {Minutes(lifetime)}.")
        + $"\n\n@{Host} #{code}";

    public string PasswordChangedNotice() =>
        $"The password of your account at {Host} was changed and you were signed out everywhere. If you did not do this, contact your administrator.";

    private static string Minutes(TimeSpan lifetime) =>
        lifetime.TotalMinutes is var minutes && minutes == 1 ? "1 minute"
        : minutes >= 120 && minutes % 60 == 0 ? $"{minutes / 60} hours" : $"{Math.Ceiling(minutes)} minutes";
}
