namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The <c>acr</c> values this server understands (OpenID Connect Core §2, §3.1.2.1): what a relying application may ask
/// for with <c>acr_values</c>, and what the ID token says was met. An application that needs a second factor for one
/// action (a payment, an administrator's page) asks for <see cref="MultiFactor"/>, even of a user already signed in
/// with a password alone; the user then shows a second factor, or sets one up where their policy lets them.
/// </summary>
public static class AuthenticationContexts
{
    /// <summary>A password, and nothing more.</summary>
    public const string Password = "pwd";

    /// <summary>Two factors: a password and a second factor, or a passkey that verified its user.</summary>
    public const string MultiFactor = "mfa";

    public static readonly IReadOnlyList<string> Supported = [Password, MultiFactor];

    /// <summary>What a session that proved <paramref name="amr"/> has met.</summary>
    public static string Of(IEnumerable<string> amr) => amr.Contains(AuthenticationMethods.MultiFactor) ? MultiFactor : Password;

    /// <summary>
    /// Whether <paramref name="acrValues"/> (space-separated, in order of preference) asks for two factors. Values this
    /// server does not know are ignored, as the specification lets it; <c>pwd</c> asks for nothing more than a session.
    /// </summary>
    public static bool DemandsSecondFactor(string? acrValues) =>
        acrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(MultiFactor, StringComparer.Ordinal) == true;
}
