namespace IdpSmsReset.Core.Keys;

public static class TokenKeyUses
{
    /// <summary>Signs identity tokens, access tokens and logout tokens; published in the JWKS.</summary>
    public const string Signing = "signing";

    /// <summary>Encrypts authorization codes, refresh tokens and the other tokens only this server reads.</summary>
    public const string Encryption = "encryption";

    public static readonly string[] All = [Signing, Encryption];
}
