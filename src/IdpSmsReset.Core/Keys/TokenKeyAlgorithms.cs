namespace IdpSmsReset.Core.Keys;

/// <summary>The algorithms of the keys in the database, as JOSE names them.</summary>
public static class TokenKeyAlgorithms
{
    /// <summary>RSA 2048 with SHA-256: signs ID tokens, and everything else unless ES256 signs access tokens.</summary>
    public const string RS256 = "RS256";

    /// <summary>ECDSA P-256 with SHA-256: signs access tokens when <c>Idp:Keys:Algorithms</c> holds it.</summary>
    public const string ES256 = "ES256";

    /// <summary>RSA 2048 with OAEP: encrypts codes and refresh tokens.</summary>
    public const string RsaOaep = "RSA-OAEP";
}
