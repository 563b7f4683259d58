namespace IdpSmsReset.Core.Users;

/// <summary>
/// One signed-in browser (times are UTC). The session cookie carries its id; a session ended here signs that browser
/// out at the cookie's next validation.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The authentication methods of the sign-in, space-separated (<c>pwd sms mfa</c>).</summary>
    public required string Methods { get; set; }

    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }
}
