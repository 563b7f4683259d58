namespace IdpSmsReset.Core.Keys;

/// <summary>Where the token keys come from and how those in the database rotate (<c>Idp:Keys</c>).</summary>
public sealed class TokenKeyOptions
{
    public const string SectionName = "Idp:Keys";

    /// <summary>
    /// <c>Database</c> or <c>Certificates</c>. Default: <c>Certificates</c> when <c>Idp:Certificates:Signing:Path</c>
    /// is set, else <c>Database</c> (in Development too).
    /// </summary>
    public TokenKeySource? Source { get; set; }

    /// <summary>How long a key signs before its successor takes over. Default 90 days.</summary>
    public TimeSpan RotateEvery { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long before it takes over a successor is already published, so that relying applications that cache the
    /// JWKS know it when its first token arrives. Default 7 days.
    /// </summary>
    public TimeSpan PublishBefore { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a retired key stays published (and able to decrypt what it encrypted): longer than the longest token
    /// lifetime, a refresh token's 14 days. Default 30 days.
    /// </summary>
    public TimeSpan RetainAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Signing algorithms besides <c>RS256</c>, which signs ID tokens (and everything else by default). With
    /// <c>ES256</c> an ECDSA P-256 key is kept, rotated and published beside the RSA one, and signs access tokens
    /// (smaller and faster to sign; resource servers find it in the JWKS). Default: none.
    /// </summary>
    public List<string> Algorithms { get; set; } = [];

    /// <summary>The signing algorithms in force: RS256, always, then <see cref="Algorithms"/>.</summary>
    public IReadOnlyList<string> SigningAlgorithms =>
        [TokenKeyAlgorithms.RS256, .. Algorithms.Where(algorithm => algorithm != TokenKeyAlgorithms.RS256).Distinct()];

    /// <summary>How often each instance reads the keys again (another instance may have created one). Default 1 minute.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Validate()
    {
        if (RotateEvery < TimeSpan.FromDays(1))
        {
            yield return $"Idp:Keys:RotateEvery must be at least 1.00:00:00; it is {RotateEvery}.";
        }

        if (PublishBefore < TimeSpan.Zero || PublishBefore >= RotateEvery)
        {
            yield return $"Idp:Keys:PublishBefore must be at least 0 and shorter than Idp:Keys:RotateEvery; it is {PublishBefore}.";
        }

        if (RetainAfter < TimeSpan.FromDays(15))
        {
            yield return $"Idp:Keys:RetainAfter must outlast a refresh token (14 days): at least 15.00:00:00; it is {RetainAfter}.";
        }

        if (Algorithms.Any(algorithm => algorithm is not (TokenKeyAlgorithms.RS256 or TokenKeyAlgorithms.ES256)))
        {
            yield return $"Idp:Keys:Algorithms may hold RS256 and ES256; it holds {string.Join(", ", Algorithms)}.";
        }

        if (RefreshEvery < TimeSpan.FromSeconds(1) || RefreshEvery > TimeSpan.FromHours(1))
        {
            yield return $"Idp:Keys:RefreshEvery must be between 00:00:01 and 01:00:00; it is {RefreshEvery}.";
        }
    }
}

public enum TokenKeySource
{
    /// <summary>Keys the server creates, keeps in the database and rotates (see <see cref="TokenKeyRing"/>).</summary>
    Database,

    /// <summary>The PKCS#12 files of <c>Idp:Certificates:Signing</c> and <c>:Encryption</c>, rotated by the operator.</summary>
    Certificates,
}
