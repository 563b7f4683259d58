namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>The messages an administrator may reword, and the placeholders each may use.</summary>
public static class SmsTemplatePurposes
{
    public const string SignInCode = "sign-in-code";
    public const string PhoneVerification = "phone-verification";
    public const string ResetCode = "reset-code";
    public const string PasswordChanged = "password-changed";
    public const string AdministratorReset = "administrator-reset";

    public static readonly IReadOnlyList<string> All = [SignInCode, PhoneVerification, ResetCode, PasswordChanged, AdministratorReset];

    /// <summary>Whether the message carries a code: then <c>{code}</c> is required, and the origin-bound line is appended.</summary>
    public static bool CarriesCode(string purpose) => purpose != PasswordChanged;

    public static IReadOnlyList<string> PlaceholdersOf(string purpose) => purpose switch
    {
        PasswordChanged => [SmsPlaceholders.Product],
        AdministratorReset => [SmsPlaceholders.Code, SmsPlaceholders.Minutes, SmsPlaceholders.Link, SmsPlaceholders.Product],
        _ => [SmsPlaceholders.Code, SmsPlaceholders.Minutes, SmsPlaceholders.Product],
    };
}
