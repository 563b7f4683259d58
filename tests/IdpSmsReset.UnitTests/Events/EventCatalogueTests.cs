using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Events;

namespace IdpSmsReset.UnitTests.Events;

/// <summary>The events are the audit's: every audit type is one, named as README's catalogue says.</summary>
public sealed class EventCatalogueTests
{
    [Fact]
    public void Types_TheOnesReceiversAskForFirst_AllThere()
    {
        string[] wanted =
        [
            "user.created", "user.disabled", "user.deleted", "user.phone-changed", "sign-in.succeeded", "sign-in.failed",
            "user.locked-out", "password.changed", "password-reset.completed", "mfa.enrolled", "session.ended",
            "application.changed", "keys.rotated", "sms.failed",
        ];

        Assert.Equal([], wanted.Except(EventCatalogue.Types));
    }

    [Fact]
    public void TypeOf_EveryAuditType_AnEventTypeInTheCatalogue() =>
        Assert.All(AuditEventCatalogue.Types, auditType => Assert.Contains(EventCatalogue.TypeOf(auditType), EventCatalogue.Types));

    [Fact]
    public void Readme_EventsAndWebhooks_ListsEveryEventTypeWithItsAuditTypes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Events and webhooks", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var missing = EventCatalogue.Types.Where(type => !section.Contains($"| `{type}` |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Not in README's event catalogue: {string.Join(", ", missing)}");
    }
}
