using System.Globalization;
using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Hosting;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// The SMS texts of the hosted pages, in the current UI language (the request's, or the one a job sets). Codes come
/// first (lock screens show the start) and last, origin-bound.
/// </summary>
internal sealed class AccountSmsTexts(IOptions<IdpOptions> idp, IStringLocalizer<SharedResource> localizer,
    SmsTemplateCatalog templates) : ISmsTexts
{
    // The origin-bound one-time-code line takes a host without port (WICG "SMS one-time codes").
    private string Host => idp.Value.IssuerUri.Host;

    public string SignInCode(string code, TimeSpan lifetime) =>
        Templated(SmsTemplatePurposes.SignInCode, code, lifetime, link: null)
        ?? localizer["{0} is your sign-in code. It expires in {1}. Never share it.", code, Minutes(lifetime)] + OriginBound(code);

    public string PhoneVerificationCode(string code, TimeSpan lifetime) =>
        Templated(SmsTemplatePurposes.PhoneVerification, code, lifetime, link: null)
        ?? localizer["{0} is your code to verify this phone number. It expires in {1}.", code, Minutes(lifetime)] + OriginBound(code);

    public string PhoneChangedNotice() =>
        localizer["The phone number of your account at {0} was changed. If you did not do this, contact your administrator.", Host];

    public string PasswordResetCode(string code, TimeSpan lifetime, string? resumeLink) =>
        Templated(resumeLink is null ? SmsTemplatePurposes.ResetCode : SmsTemplatePurposes.AdministratorReset, code, lifetime, resumeLink)
        ?? (resumeLink is null
            ? localizer["{0} is your code to reset your password. It expires in {1}. Never share it; we will never ask for it.", code,
                Minutes(lifetime)]
            : localizer["{0} is your code to reset your password, sent at your request by an administrator. Enter it at {1} within {2}.",
                code, resumeLink, Minutes(lifetime)])
        + OriginBound(code);

    public string PasswordChangedNotice() =>
        Templated(SmsTemplatePurposes.PasswordChanged, code: "", TimeSpan.Zero, link: null)
        ?? localizer["The password of your account at {0} was changed and you were signed out everywhere. If you did not do this, contact" +
            " your administrator.", Host];

    private string OriginBound(string code) => SmsPlaceholders.OriginLine(Host, code);

    /// <summary>The administrator's wording in the message's language (the current UI culture), if there is one.</summary>
    private string? Templated(string purpose, string code, TimeSpan lifetime, string? link) =>
        templates.Find(purpose, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) is { } template
            ? SmsPlaceholders.Render(purpose, template, code, Minutes(lifetime), link, Host)
            : null;

    private string Minutes(TimeSpan lifetime) =>
        lifetime.TotalMinutes is var minutes && minutes == 1 ? localizer["1 minute"]
        : minutes >= 120 && minutes % 60 == 0 ? localizer["{0} hours", minutes / 60]
        : localizer["{0} minutes", Math.Ceiling(minutes)];
}
