namespace IdpSmsReset.Server.Hosting;

public sealed class SessionSettings
{
    /// <summary>
    /// <c>Idp:Sessions:CheckInterval</c>: how often a session cookie is checked against the database (password
    /// changed, session ended elsewhere, user locked). Default 1 minute: an ended session stops working within a
    /// minute, for one query per browser per minute. Allowed 0 (every request) to 30 minutes.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
