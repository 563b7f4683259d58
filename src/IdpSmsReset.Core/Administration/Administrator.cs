namespace IdpSmsReset.Core.Administration;

/// <summary>Who makes an administrative change, and from where: what the audit row records.</summary>
public sealed record Administrator(string Name, string? IpAddress);
