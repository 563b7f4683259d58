using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.UnitTests.Audit;

/// <summary>The catalogue held to README's schema and to the tests that see each event written.</summary>
public sealed class AuditEventCatalogueTests
{
    [Fact]
    public void Readme_AuditSchema_ListsEveryType()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var listed = readme[readme.IndexOf("Event types: ", StringComparison.Ordinal)..].Split('\n')[0];

        var missing = AuditEventCatalogue.Types.Where(type => !listed.Contains($"`{type}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in README's \"Event types\": {string.Join(", ", missing)}");
    }

    [Fact]
    public void Types_EachOne_LookedForBySomeTest()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests"), "*.cs", SearchOption.AllDirectories);
        var tests = string.Join('\n', files
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.EndsWith(nameof(AuditEventCatalogueTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var constants = typeof(AuditEventTypes).GetFields().Concat(typeof(Core.Administration.AdminEventTypes).GetFields())
            .ToDictionary(field => (string)field.GetRawConstantValue()!, field => $"{field.DeclaringType!.Name}.{field.Name}");
        bool Seen(string type) => tests.Contains(constants[type], StringComparison.Ordinal)
            || tests.Contains($"\"{type}", StringComparison.Ordinal) || tests.Contains($"={type}", StringComparison.Ordinal);

        var unseen = AuditEventCatalogue.Types.Where(type => !Seen(type)).ToList();
        Assert.True(unseen.Count == 0, $"No test looks for: {string.Join(", ", unseen)}");
    }

    [Fact]
    public void OutcomeOf_RefusedAttempts_Failure_ActionsDone_Success()
    {
        Assert.Equal(AuditEventCatalogue.Failure, AuditEventCatalogue.OutcomeOf(AuditEventTypes.SignInFailed));
        Assert.Equal(AuditEventCatalogue.Success, AuditEventCatalogue.OutcomeOf(AuditEventTypes.SignInSucceeded));
        Assert.Contains(AuditEventTypes.SignInLockedOut, AuditEventCatalogue.Types);
        Assert.Contains(Core.Administration.AdminEventTypes.UserDeleted, AuditEventCatalogue.Types);
    }
}
