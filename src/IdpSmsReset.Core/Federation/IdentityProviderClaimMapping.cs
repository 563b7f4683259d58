namespace IdpSmsReset.Core.Federation;

/// <summary>Which upstream claims fill a user's fields; an absent one keeps the default named in
/// <see cref="IdentityProviderVocabulary"/>.</summary>
public sealed class IdentityProviderClaimMapping
{
    public string? UserName { get; set; }

    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Phone { get; set; }
}
