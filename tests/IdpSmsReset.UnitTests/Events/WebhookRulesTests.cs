using IdpSmsReset.Core.Events;

namespace IdpSmsReset.UnitTests.Events;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.com/idp", true, null)]
    [InlineData("http://hooks.example.com/idp", true, "https")]
    [InlineData("http://localhost:5050/hook", true, null)]
    [InlineData("http://localhost:5050/hook", false, "AllowPrivateNetworks")]
    [InlineData("https://192.168.1.10/hook", false, "AllowPrivateNetworks")]
    [InlineData("https://user:pass@hooks.example.com/", true, "user name")]
    [InlineData("ftp://hooks.example.com/", true, "https")]
    public void Url_HttpsOutsideHttpOnlyOnThisMachine_PrivateOnlyWhenAllowed(string url, bool allowPrivate, string? problemMentions)
    {
        var problems = WebhookRules.Validate(new WebhookDefinition { Name = "n", Url = url, Events = ["*"] }, allowPrivate)
            .Where(problem => problem.Field == "url").ToList();

        if (problemMentions is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problemMentions, Assert.Single(problems).Problem);
        }
    }

    [Fact]
    public void NoEventsNoName_EachSaid() =>
        Assert.Equal(["name", "events"], WebhookRules.Validate(new WebhookDefinition { Url = "https://h.example/" }, false)
            .Select(problem => problem.Field));

    [Fact]
    public void Events_LongerThanTheColumn_SaidBeforeTheDatabaseRefusesIt() =>
        Assert.Contains(WebhookRules.Validate(new WebhookDefinition
        {
            Name = "n", Url = "https://h.example/", Events = [.. Enumerable.Repeat("password-reset.completed", 100)],
        }, false), problem => problem.Field == "events" && problem.Problem.Contains("2,048", StringComparison.Ordinal));
}
