using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.Server.Features.Admin.IdentityProviders;

/// <summary>
/// An identity provider as the administrator edits it: lists as words separated by spaces. The client secret is never
/// shown; left blank, the stored one is kept.
/// </summary>
public sealed class IdentityProviderForm
{
    public string? Name { get; set; }

    public string Type { get; set; } = IdentityProviderVocabulary.OpenIdConnect;

    public string? DisplayName { get; set; }

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? Scopes { get; set; } = IdentityProviderVocabulary.DefaultScopes;

    public string? UserNameClaim { get; set; }

    public string? EmailClaim { get; set; }

    public string? DisplayNameClaim { get; set; }

    public string? PhoneClaim { get; set; }

    public string? EmailDomains { get; set; }

    public string Provisioning { get; set; } = IdentityProviderVocabulary.Automatic;

    /// <summary>A security policy's name; blank for the default policy.</summary>
    public string? Policy { get; set; }

    public bool TrustUpstreamMfa { get; set; }

    public bool Enabled { get; set; } = true;

    public static IdentityProviderForm From(IdentityProviderDefinition definition) => new()
    {
        Name = definition.Name, Type = definition.Type ?? IdentityProviderVocabulary.OpenIdConnect,
        DisplayName = definition.DisplayName, Issuer = definition.Issuer, ClientId = definition.ClientId,
        Scopes = string.Join(' ', definition.Scopes ?? []), UserNameClaim = definition.Claims?.UserName,
        EmailClaim = definition.Claims?.Email, DisplayNameClaim = definition.Claims?.DisplayName, PhoneClaim = definition.Claims?.Phone,
        EmailDomains = string.Join(' ', definition.EmailDomains ?? []),
        Provisioning = definition.Provisioning ?? IdentityProviderVocabulary.Automatic, Policy = definition.Policy,
        TrustUpstreamMfa = definition.TrustUpstreamMfa, Enabled = definition.Enabled,
    };

    public IdentityProviderDefinition ToDefinition(string name) => new()
    {
        Name = name, Type = Type, DisplayName = DisplayName?.Trim(), Issuer = Issuer?.Trim(), ClientId = ClientId?.Trim(),
        ClientSecret = string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret,
        Scopes = Words(Scopes),
        Claims = new IdentityProviderClaimMapping
        {
            UserName = Blank(UserNameClaim), Email = Blank(EmailClaim), DisplayName = Blank(DisplayNameClaim), Phone = Blank(PhoneClaim),
        },
        EmailDomains = Words(EmailDomains), Provisioning = Provisioning, Policy = Blank(Policy),
        TrustUpstreamMfa = TrustUpstreamMfa, Enabled = Enabled,
    };

    /// <summary>The form field a rule's problem is shown beside (rules name fields as the bootstrap file does).</summary>
    public static string KeyOf(string field) => FormFieldKey.Of(field, "Input.", ShownAs);

    private static readonly Dictionary<string, string> ShownAs = new()
    {
        ["claims.userName"] = nameof(UserNameClaim),
        ["claims.email"] = nameof(EmailClaim),
        ["claims.displayName"] = nameof(DisplayNameClaim),
        ["claims.phone"] = nameof(PhoneClaim),
    };

    private static List<string> Words(string? text) =>
        [.. (text ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
