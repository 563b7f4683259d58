using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.Server.Features.Account.External;

/// <summary>
/// What the login page says when a sign-in through another identity provider did not end in a session. The code travels
/// in the login page's address (<c>external=</c>); the words are the page's, in its language. None of them tells
/// whether some account exists, except to whom the upstream vouched for with that account's address.
/// </summary>
public static class ExternalSignInProblems
{
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    public static string LoginUrl(string returnUrl, FederatedRefusal refusal) => LoginUrl(returnUrl, refusal switch
    {
        FederatedRefusal.ProviderUnavailable => "unavailable",
        FederatedRefusal.NotLinked => "not-linked",
        FederatedRefusal.EmailInUse => "email-in-use",
        FederatedRefusal.AccountRefused => "refused",
        _ => Failed,
    });

    public static string LoginUrl(string returnUrl, string code) =>
        $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}&external={code}";

    /// <summary>The message for <paramref name="code"/> (English, the key of its translations), or null for no code.</summary>
    public static string? MessageOf(string? code) => code switch
    {
        null or "" => null,
        Cancelled => "The sign-in with the other provider was cancelled. Choose how to sign in.",
        "unavailable" => "That way of signing in is not available. Choose another.",
        "not-linked" => "Your account with that provider is not linked to an account here. Sign in another way, or ask your administrator.",
        "email-in-use" =>
            "An account here already uses that e-mail address, so this sign-in was not joined to it. Sign in with its password.",
        "refused" => "That account cannot sign in now. Ask your administrator.",
        _ => "The sign-in with the other provider did not succeed. Try again, or sign in another way.",
    };
}
