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

    /// <summary>
    /// A file is named after its first type; what else it holds are that type's small companions, records and enums (the
    /// results a service returns beside it), for an entity its EF Core configuration, and for a page its input model (a
    /// class named ...Input or ...Form: the page, its input and its handler side by side), so a feature is not spread
    /// over a file per nine-line record.
    /// </summary>
    [Fact]
    public void SourceFiles_InSrc_NamedLikeTheirTypeWithOnlyRecordsAndEnumsBeside()
    {
        var misnamed = SourceFiles(["src"])
            .Select(file => (file, types: TopLevelType().Matches(File.ReadAllText(file))
                .Select(match => (Name: match.Groups["name"].Value, Kind: match.Groups["kind"].Value)).ToList()))
            .Where(entry => entry.types.Count > 0 && (entry.types[0].Name != ExpectedTypeOf(entry.file)
                || entry.types.Skip(1).Any(type => type.Kind is not ("record" or "record struct" or "enum")
                    && type.Name != entry.types[0].Name + "Configuration"
                    && !(entry.file.EndsWith(".cshtml.cs", StringComparison.Ordinal) && InputModel().IsMatch(type.Name)))))
            .Select(entry => $"{Path.GetRelativePath(Root, entry.file)}: {string.Join(", ", entry.types.Select(type => type.Name))}")
            .ToList();

        Assert.True(misnamed.Count == 0,
            $"Files not named after their first type, or holding other classes than its configuration:\n{string.Join("\n", misnamed)}");
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
        @"^(?:(?:public|internal|file)\s+)?(?:(?:sealed|static|abstract|partial|readonly|ref)\s+)*(?<kind>class|record" +
            @" struct|record|struct|interface|enum)\s+(?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [GeneratedRegex("(Input|Form)$")]
    private static partial Regex InputModel();
}
