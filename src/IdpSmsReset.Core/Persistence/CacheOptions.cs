namespace IdpSmsReset.Core.Persistence;

/// <summary>How long a change made on one instance may take to be in force on the others (<c>Idp:Cache</c>).</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Idp:Cache";

    /// <summary>
    /// The longest a cached policy, SMS factor, application, theme or key set is used after another instance changed it:
    /// each instance reads the change counters at most this often (see <see cref="ChangeStamps"/>). Default 1 second;
    /// 100 ms to 1 minute.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Validate()
    {
        if (MaxAge < TimeSpan.FromMilliseconds(100) || MaxAge > TimeSpan.FromMinutes(1))
        {
            yield return $"Idp:Cache:MaxAge must be between 00:00:00.1 and 00:01:00; it is {MaxAge}.";
        }
    }
}
