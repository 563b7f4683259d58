namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The configuration files are read once, at start, where the options are validated; a change takes effect on restart.
/// Watching them for changes makes .NET watch the whole content root, subfolders included, and the embedded
/// database's App_Data is one: every write of the database woke the watcher (about 4% of the server's CPU under a
/// token burst, measured with perf).
/// </summary>
public static class ConfigurationFiles
{
    public static string[] ReadOnceAtStart(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];
}
