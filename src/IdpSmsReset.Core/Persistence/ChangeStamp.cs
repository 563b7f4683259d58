namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// A counter per area of configuration that caches depend on, bumped in the database by every change to that area, so
/// every instance's caches see the change (see <see cref="ChangeStamps"/>).
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>One of <see cref="ChangeAreas"/>.</summary>
    public required string Area { get; set; }

    public long Version { get; set; }
}
