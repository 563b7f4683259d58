using System.Globalization;
using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Hosting;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// The SMS texts, in the current UI language (the request's, or the one a job sets): an administrator's template for
/// the message and language, else the product's own words, which are templates too (the translations, with the
/// placeholders where the values go). Codes come first (lock screens show the start) and last, origin-bound.
/// </summary>
internal sealed class AccountSmsTexts(IOptions<IdpOptions> idp, IStringLocalizer<SharedResource> localizer,
    SmsTemplateCatalog templates) : ISmsTexts
{
    // The origin-bound one-time-code line takes a host without port (WICG "SMS one-time codes").
    public string Host => idp.Value.IssuerUri.Host;

    public string SignInCode(string code, TimeSpan lifetime) => Text(SmsTemplatePurposes.SignInCode, code, lifetime, link: null);

    public string PhoneVerificationCode(string code, TimeSpan lifetime) =>
        Text(SmsTemplatePurposes.PhoneVerification, code, lifetime, link: null);

    public string PhoneChangedNotice() =>
        localizer["The phone number of your account at {0} was changed. If you did not do this, contact your administrator.", Host];

    public string PasskeyAddedNotice() =>
        localizer["A passkey was added to your account at {0}. If you did not do this, change your password and remove it.", Host];

    public string PasswordResetCode(string code, TimeSpan lifetime, string? resumeLink) =>
        Text(resumeLink is null ? SmsTemplatePurposes.ResetCode : SmsTemplatePurposes.AdministratorReset, code, lifetime, resumeLink);

    public string PasswordChangedNotice() => Text(SmsTemplatePurposes.PasswordChanged, code: "", TimeSpan.Zero, link: null);

    /// <summary>The template of <paramref name="purpose"/> in the current UI language: the administrator's, else the product's.</summary>
    public string TemplateOf(string purpose) =>
        templates.Find(purpose, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? DefaultTemplateOf(purpose);

    /// <summary>The product's own words for <paramref name="purpose"/>, in the current UI language, as a template.</summary>
    public string DefaultTemplateOf(string purpose) => purpose switch
    {
        SmsTemplatePurposes.SignInCode => localizer["{0} is your sign-in code. It expires in {1}. Never share it.",
            SmsPlaceholders.Code, SmsPlaceholders.Minutes],
        SmsTemplatePurposes.PhoneVerification => localizer["{0} is your code to verify this phone number. It expires in {1}.",
            SmsPlaceholders.Code, SmsPlaceholders.Minutes],
        SmsTemplatePurposes.ResetCode => localizer[
            "{0} is your code to reset your password. It expires in {1}. Never share it; we will never ask for it.",
            SmsPlaceholders.Code, SmsPlaceholders.Minutes],
        SmsTemplatePurposes.AdministratorReset => localizer[
            "{0} is your code to reset your password, sent at your request by an administrator. Enter it at {1} within {2}.",
            SmsPlaceholders.Code, SmsPlaceholders.Link, SmsPlaceholders.Minutes],
        _ => localizer["The password of your account at {0} was changed and you were signed out everywhere. If you did not do this,"
            + " contact your administrator.", SmsPlaceholders.Product],
    };

    /// <summary>The final text of a message, as a phone shows it.</summary>
    public string Render(string purpose, string template, string code, TimeSpan lifetime, string? link) =>
        SmsPlaceholders.Render(purpose, template, code, Minutes(lifetime), link, Host);

    private string Text(string purpose, string code, TimeSpan lifetime, string? link) =>
        Render(purpose, TemplateOf(purpose), code, lifetime, link);

    private string Minutes(TimeSpan lifetime) =>
        lifetime.TotalMinutes is var minutes && minutes == 1 ? localizer["1 minute"]
        : minutes >= 120 && minutes % 60 == 0 ? localizer["{0} hours", minutes / 60]
        : localizer["{0} minutes", Math.Ceiling(minutes)];
}
