namespace IdpSmsReset.Server.Hosting;

public sealed class BootstrapSettings
{
    /// <summary>
    /// <c>Idp:Bootstrap:Path</c>: the declarative bootstrap file applied at every start. Default: none, except in
    /// Development, where the server's <c>bootstrap.demo.json</c> is applied.
    /// </summary>
    public string? Path { get; set; }
}
