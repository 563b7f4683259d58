namespace IdpSmsReset.TestSupport;

/// <summary>
/// A test run starts hundreds of servers in one process (and more as processes of their own). Each one's file providers
/// (its configuration files, and the web root, which fingerprints the stylesheet on every page) watch files with
/// inotify, and ASP.NET Core does not release the web root's watcher when a host stops: the instances pile up until the
/// garbage collector finds them. Past the machine's limit (128 a user by default), every page that fingerprints a file
/// fails. Polling watchers hold no inotify instance; servers started by the tests inherit the setting.
/// </summary>
public static class FileWatching
{
    public static void UsePolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
