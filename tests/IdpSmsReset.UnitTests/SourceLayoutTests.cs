using System.Text.RegularExpressions;

namespace IdpSmsReset.UnitTests;

/// <summary>The rules of the source tree a reviewer would otherwise check by eye (see .editorconfig).</summary>
public sealed partial class SourceLayoutTests
{
    private const int MaxLineLength = 140;

    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void SourceFiles_EveryLine_AtMost140Characters()
    {
        var tooLong = SourceFiles(["src", "tests"])
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => entry.line.Length > MaxLineLength)
            .Select(entry => $"{Path.GetRelativePath(Root, entry.file)}:{entry.number} ({entry.line.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Lines over {MaxLineLength} characters:\n{string.Join("\n", tooLong)}");
    }

    [Fact]
    public void SourceFiles_InSrc_HoldOneTypeNamedLikeTheFile()
    {
        var misnamed = SourceFiles(["src"])
            .Select(file => (file,
                types: TopLevelType().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value).ToList()))
            .Where(entry => entry.types.Count > 0 && (entry.types.Count > 1 || entry.types[0] != ExpectedTypeOf(entry.file)))
            .Select(entry => $"{Path.GetRelativePath(Root, entry.file)}: {string.Join(", ", entry.types)}")
            .ToList();

        Assert.True(misnamed.Count == 0, $"Files not named after their one type:\n{string.Join("\n", misnamed)}");
    }

    // A page's code-behind holds its model: Login.cshtml.cs → LoginModel.
    private static string ExpectedTypeOf(string file)
    {
        var name = Path.GetFileName(file);
        return name.EndsWith(".cshtml.cs", StringComparison.Ordinal) ? name[..^".cshtml.cs".Length] + "Model" : name[..^".cs".Length];
    }

    private static IEnumerable<string> SourceFiles(string[] folders) =>
        folders.SelectMany(folder => RepositoryRoot.SourceFiles(folder, "*.cs"));

    [GeneratedRegex(
        @"^(?:(?:public|internal|file)\s+)?(?:(?:sealed|static|abstract|partial|readonly|ref)\s+)*(?:class|record" +
            @" struct|record|struct|interface|enum)\s+(?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
