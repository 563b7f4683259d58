namespace IdpSmsReset.Core.Administration;

/// <summary>Who makes an administrative change, and from where: what the audit row records.</summary>
public sealed record Administrator(string Name, string? IpAddress)
{
    /// <summary>The bootstrap file, applied at start.</summary>
    public static Administrator Bootstrap { get; } = new("bootstrap file", null);
}
