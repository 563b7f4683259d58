namespace IdpSmsReset.Core.Federation;

/// <summary>Why a person who proved an identity upstream is not signed in here; each is said in its own words.</summary>
public enum FederatedRefusal
{
    None,

    /// <summary>The provider is unknown or disabled: no new sign-ins through it.</summary>
    ProviderUnavailable,

    /// <summary>The upstream gave no subject (<c>sub</c>) to link the account by.</summary>
    NoSubject,

    /// <summary>The provider signs in only accounts linked beforehand, and this identity is linked to none.</summary>
    NotLinked,

    /// <summary>A local account already has the upstream's e-mail address: it is never linked by that alone (account
    /// takeover); its owner signs in locally and links the provider.</summary>
    EmailInUse,

    /// <summary>The linked account is disabled, locked or otherwise may not sign in.</summary>
    AccountRefused,
}
