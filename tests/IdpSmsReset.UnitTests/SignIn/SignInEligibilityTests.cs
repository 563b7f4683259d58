namespace IdpSmsReset.UnitTests.SignIn;

/// <summary>Every way in asks Core's <c>SignInEligibility</c>: none asks Identity itself, where a new rule would be missed.</summary>
public sealed class SignInEligibilityTests
{
    [Fact]
    public void ServerCode_NeverAsksIdentityWhetherAUserMaySignIn()
    {
        var server = Path.Combine(RepositoryRoot.Path, "src", "IdpSmsReset.Server");
        var direct = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => entry.line.Contains("CanSignInAsync(", StringComparison.Ordinal)
                || entry.line.Contains("IsLockedOutAsync(", StringComparison.Ordinal))
            .Select(entry => $"{Path.GetRelativePath(RepositoryRoot.Path, entry.file)}:{entry.number}")
            .ToList();

        Assert.True(direct.Count == 0, $"Ask SignInEligibility instead:\n{string.Join("\n", direct)}");
    }
}
