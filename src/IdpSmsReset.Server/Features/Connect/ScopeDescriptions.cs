using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// What each scope lets an application do, as the consent and device pages say it (translation keys): each completes
/// "If you allow it, the application will be able to:", so each is something it does.
/// </summary>
internal static class ScopeDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [Scopes.OpenId] = "Know who you are",
        [Scopes.Profile] = "See your name and username",
        [Scopes.Email] = "See your email address",
        [Scopes.Phone] = "See your phone number",
        [Scopes.OfflineAccess] = "Stay connected while you are not using it",
    };

    public static IReadOnlyList<string> Of(IEnumerable<string> scopes) =>
        scopes.Select(scope => Descriptions.GetValueOrDefault(scope, scope)).ToList();
}
