using System.Text.RegularExpressions;

namespace IdpSmsReset.UnitTests;

/// <summary>
/// README's examples for relying applications are copied from the tests that run them: each code block under a
/// <c>&lt;!-- from path --&gt;</c> line must appear in that file, line for line (indentation aside), so an example cannot
/// drift from what CI runs.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void Readme_EveryExampleMarkedFromAFile_AppearsInThatFile()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var snippets = Snippet().Matches(readme);
        var drifted = new List<string>();
        foreach (Match snippet in snippets)
        {
            var path = Path.Combine(RepositoryRoot.Path, snippet.Groups["path"].Value);
            var file = File.Exists(path) ? Lines(File.ReadAllText(path)) : [];
            var example = Lines(snippet.Groups["code"].Value);
            var found = file.Count > 0 && Enumerable.Range(0, Math.Max(0, file.Count - example.Count + 1))
                .Any(start => file.Skip(start).Take(example.Count).SequenceEqual(example));
            if (!found)
            {
                drifted.Add($"{snippet.Groups["path"].Value}: {example.FirstOrDefault()}");
            }
        }

        Assert.True(snippets.Count >= 10, $"README has {snippets.Count} examples marked with their file; expected the interop matrix's.");
        Assert.True(drifted.Count == 0, $"README examples not found, as written, in their files:\n{string.Join("\n", drifted)}");
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    [GeneratedRegex(@"<!-- from (?<path>[^ ]+) -->\s*```[a-z]*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
