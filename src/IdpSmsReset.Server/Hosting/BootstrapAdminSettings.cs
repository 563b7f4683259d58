namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// <c>Idp:BootstrapAdmin</c>: the first administrator of an empty installation (environment
/// <c>Idp__BootstrapAdmin__UserName</c> and <c>__Password</c>). Used only while no administrator exists: the account is
/// created with both <c>update-password</c> and <c>configure-second-factor</c> required, so the password given here works
/// once. Ignored (one log line) once there is an administrator. Default: none.
/// </summary>
public sealed class BootstrapAdminSettings
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
