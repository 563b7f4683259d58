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

        if (RefreshEvery < TimeSpan.FromSeconds(1) || RefreshEvery > TimeSpan.FromHours(1))
        {
            yield return $"Idp:Keys:RefreshEvery must be between 00:00:01 and 01:00:00; it is {RefreshEvery}.";
        }
    }
}
