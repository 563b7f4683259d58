namespace IdpSmsReset.Core.Federation;

/// <summary>The words an identity provider's definition uses, and its defaults (documented here once).</summary>
public static class IdentityProviderVocabulary
{
    /// <summary>Any OpenID Connect provider, by its issuer's discovery document.</summary>
    public const string OpenIdConnect = "oidc";

    /// <summary>The types offered. Google and Microsoft Entra ID are OpenID Connect providers, set up as <c>oidc</c> by their
    /// issuer; OpenIddict's named web providers (GitHub, Apple) are not offered yet.</summary>
    public static readonly IReadOnlyList<string> Types = [OpenIdConnect];

    /// <summary>The user is created at the first sign-in through the provider.</summary>
    public const string Automatic = "automatic";

    /// <summary>Only users linked beforehand (by an administrator, or by proving the local account) sign in.</summary>
    public const string ExistingOnly = "existing-only";

    public static readonly IReadOnlyList<string> ProvisioningModes = [Automatic, ExistingOnly];

    public const string DefaultScopes = "profile email";
    public const string DefaultUserNameClaim = "preferred_username";
    public const string DefaultEmailClaim = "email";
    public const string DefaultDisplayNameClaim = "name";
    public const string DefaultPhoneClaim = "phone_number";

    public const int MaxNameLength = 40;
    public const int MaxDisplayNameLength = 100;

    /// <summary>The path the upstream sends the person back to, under this server's issuer.</summary>
    public static string CallbackPath(string name) => $"/connect/external/{name}/callback";

    /// <summary>The redirect URI to register at the upstream for the provider <paramref name="name"/>.</summary>
    public static Uri RedirectUriOf(Uri issuer, string name) => new(issuer, CallbackPath(name).TrimStart('/'));
}
