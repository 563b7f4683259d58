using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>What each scope lets an application do, as the consent and device pages say it (translation keys).</summary>
internal static class ScopeDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [Scopes.OpenId] = "Know who you are",
        [Scopes.Profile] = "Your name and username",
        [Scopes.Email] = "Your email address",
        [Scopes.Phone] = "Your phone number",
        [Scopes.OfflineAccess] = "Stay connected when you are not using it",
    };

    public static IReadOnlyList<string> Of(IEnumerable<string> scopes) =>
        scopes.Select(scope => Descriptions.GetValueOrDefault(scope, scope)).ToList();
}
