namespace IdpSmsReset.Server.Hosting;

public sealed class AdminSettings
{
    /// <summary>
    /// <c>Idp:Admin:RequireMfa</c>: the dashboard (and the jobs dashboard) opens only to an administrator who signed in
    /// with a second factor; one without a factor is sent to set one up first. Default true.
    /// </summary>
    public bool RequireMfa { get; set; } = true;
}
