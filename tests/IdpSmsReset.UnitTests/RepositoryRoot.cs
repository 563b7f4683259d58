namespace IdpSmsReset.UnitTests;

/// <summary>The repository's root folder (the one holding IdpSmsReset.sln), for the tests that read the source tree.</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "IdpSmsReset.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("The repository root (IdpSmsReset.sln) is not above the test binaries.");
    }
}
