using IdpSmsReset.Core.Messaging.Templates;

namespace IdpSmsReset.Server.Features.Admin.Messages;

/// <summary>Each template's name as an administrator reads it (a translation key), not its identifier.</summary>
public static class SmsTemplateNames
{
    public static string Of(string purpose) => purpose switch
    {
        SmsTemplatePurposes.SignInCode => "Sign-in code",
        SmsTemplatePurposes.PhoneVerification => "Phone number verification code",
        SmsTemplatePurposes.ResetCode => "Password reset code",
        SmsTemplatePurposes.PasswordChanged => "Password changed notice",
        SmsTemplatePurposes.AdministratorReset => "Reset code sent by an administrator",
        _ => purpose,
    };
}
