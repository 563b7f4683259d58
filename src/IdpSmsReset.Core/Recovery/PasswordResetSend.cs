namespace IdpSmsReset.Core.Recovery;

/// <summary>One reset code that went out by SMS: what the per-user, per-destination, per-address and per-country limits count.</summary>
public sealed class PasswordResetSend
{
    public Guid Id { get; set; }

    public Guid FlowId { get; set; }

    public required string UserId { get; set; }

    /// <summary>E.164.</summary>
    public required string Destination { get; set; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public required string Country { get; set; }

    public string? IpAddress { get; set; }

    public DateTime SentAt { get; set; }
}
