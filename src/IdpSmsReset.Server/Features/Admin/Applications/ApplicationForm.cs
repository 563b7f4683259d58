using IdpSmsReset.Core.Applications;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>An OIDC application as the administrator edits it; URIs one a line. The secret is never part of it.</summary>
public sealed class ApplicationForm
{
    public string? ClientId { get; set; }

    public string? DisplayName { get; set; }

    public string Type { get; set; } = ApplicationVocabulary.Confidential;

    public string Consent { get; set; } = ApplicationVocabulary.ImplicitConsent;

    public string? RedirectUris { get; set; }

    public string? PostLogoutRedirectUris { get; set; }

    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    /// <summary>A theme folder's name; blank for the configured default.</summary>
    public string? Theme { get; set; }

    public string? BackchannelLogoutUri { get; set; }

    public bool BackchannelLogoutSessionRequired { get; set; }

    /// <summary>Blank: the server's default lifetime. In each lifetime's unit (<see cref="TokenLifetime.Unit"/>).</summary>
    public int? AccessTokenMinutes { get; set; }

    public int? IdentityTokenMinutes { get; set; }

    public int? RefreshTokenHours { get; set; }

    public string RefreshTokenExpiry { get; set; } = ApplicationVocabulary.SlidingExpiry;

    public bool RequirePushedAuthorizationRequests { get; set; }

    /// <summary>The public keys for private_key_jwt, as JSON; blank: the application uses a secret.</summary>
    public string? JsonWebKeySet { get; set; }

    public string? TokenExchangeAudiences { get; set; }

    public ApplicationDefinition ToApplication(string? secret) => new()
    {
        ClientId = ClientId?.Trim(),
        ClientSecret = secret,
        DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
        Type = Type,
        Consent = Consent,
        RedirectUris = Lines(RedirectUris),
        PostLogoutRedirectUris = Lines(PostLogoutRedirectUris),
        GrantTypes = [.. GrantTypes],
        Scopes = [.. Scopes],
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme.Trim(),
        BackchannelLogoutUri = string.IsNullOrWhiteSpace(BackchannelLogoutUri) ? null : BackchannelLogoutUri.Trim(),
        BackchannelLogoutSessionRequired = BackchannelLogoutSessionRequired,
        AccessTokenLifetime = TokenLifetimes.AccessToken.FromCount(AccessTokenMinutes),
        IdentityTokenLifetime = TokenLifetimes.IdentityToken.FromCount(IdentityTokenMinutes),
        RefreshTokenLifetime = TokenLifetimes.RefreshToken.FromCount(RefreshTokenHours),
        RefreshTokenExpiry = RefreshTokenExpiry == ApplicationVocabulary.AbsoluteExpiry ? ApplicationVocabulary.AbsoluteExpiry : null,
        RequirePushedAuthorizationRequests = RequirePushedAuthorizationRequests,
        JsonWebKeySet = string.IsNullOrWhiteSpace(JsonWebKeySet) ? null : JsonWebKeySet.Trim(),
        TokenExchangeAudiences = Lines(TokenExchangeAudiences),
    };

    public static ApplicationForm From(ApplicationDefinition application) => new()
    {
        ClientId = application.ClientId,
        DisplayName = application.DisplayName,
        Type = application.Type ?? ApplicationVocabulary.Confidential,
        Consent = application.Consent ?? ApplicationVocabulary.ImplicitConsent,
        RedirectUris = string.Join("\n", application.RedirectUris),
        PostLogoutRedirectUris = string.Join("\n", application.PostLogoutRedirectUris),
        GrantTypes = [.. application.GrantTypes],
        Scopes = [.. application.Scopes],
        Theme = application.Theme,
        BackchannelLogoutUri = application.BackchannelLogoutUri,
        BackchannelLogoutSessionRequired = application.BackchannelLogoutSessionRequired,
        AccessTokenMinutes = TokenLifetimes.AccessToken.CountOf(application.AccessTokenLifetime),
        IdentityTokenMinutes = TokenLifetimes.IdentityToken.CountOf(application.IdentityTokenLifetime),
        RefreshTokenHours = TokenLifetimes.RefreshToken.CountOf(application.RefreshTokenLifetime),
        RefreshTokenExpiry = application.RefreshTokenExpiry ?? ApplicationVocabulary.SlidingExpiry,
        RequirePushedAuthorizationRequests = application.RequirePushedAuthorizationRequests,
        JsonWebKeySet = application.JsonWebKeySet,
        TokenExchangeAudiences = string.Join("\n", application.TokenExchangeAudiences),
    };

    /// <summary>The form field of a rule's field name (<c>redirectUris[0]</c> → <c>Input.RedirectUris</c>).</summary>
    public static string KeyOf(string field) => FormFieldKey.Of(field, "Input.", ShownAs);

    // The form has no secret field: a missing or unwanted secret is about the type chosen.
    private static readonly Dictionary<string, string> ShownAs = new()
    {
        ["clientSecret"] = nameof(Type),
        [TokenLifetimes.AccessToken.Field] = nameof(AccessTokenMinutes),
        [TokenLifetimes.IdentityToken.Field] = nameof(IdentityTokenMinutes),
        [TokenLifetimes.RefreshToken.Field] = nameof(RefreshTokenHours),
        ["requirePushedAuthorizationRequests"] = nameof(GrantTypes),
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
