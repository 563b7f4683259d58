namespace IdpSmsReset.UnitTests;

/// <summary>The repository's root folder (the one holding IdpSmsReset.sln), for the tests that read the source tree.</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    /// <summary>The files matching <paramref name="pattern"/> below <paramref name="folder"/>, build output left out.</summary>
    public static IEnumerable<string> SourceFiles(string folder, string pattern) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, folder), pattern, SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file, "obj") && !IsBuildOutput(file, "bin"));

    private static bool IsBuildOutput(string file, string folder) =>
        file.Contains($"{System.IO.Path.DirectorySeparatorChar}{folder}{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal);

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
