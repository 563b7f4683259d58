using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Federation;

/// <summary>Identity providers from the bootstrap file: saved once, secret encrypted, changed only when the file changes.</summary>
public abstract class IdentityProviderBootstrapTests
{
    protected abstract IdpFactory NewFactory();

    private static System.Text.Json.Nodes.JsonObject Entry(string displayName) => new()
    {
        ["name"] = "corp", ["type"] = "oidc", ["displayName"] = displayName, ["issuer"] = "https://login.corp.example",
        ["clientId"] = "idp", ["clientSecret"] = "the corp secret 0123456789",
        ["emailDomains"] = new System.Text.Json.Nodes.JsonArray("Corp.Example"),
    };

    [SkippableFact]
    public async Task Bootstrap_AppliedAtEveryStart_SecretEncryptedAndAuditedOnlyWhenTheFileChanges()
    {
        using var first = NewFactory();
        first.KeepData = true;
        CorpUpstream.WriteBootstrap(first, Entry("Corp"));
        _ = first.Services;
        first.Dispose();
        using var second = first.Restart();
        second.KeepData = true;
        _ = second.Services;
        second.Dispose();
        using var third = second.Restart();
        CorpUpstream.WriteBootstrap(third, Entry("Corp Inc."));

        await using var scope = third.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<IdentityProvider>().SingleAsync();
        var created = Assert.Single(await third.AuditEventsOfTypeAsync(AdminEventTypes.IdentityProviderCreated));
        var changed = Assert.Single(await third.AuditEventsOfTypeAsync(AdminEventTypes.IdentityProviderChanged));
        Assert.Equal(("Corp Inc.", "corp.example"), (stored.DisplayName, stored.EmailDomains));
        Assert.DoesNotContain("the corp secret", stored.ProtectedClientSecret);
        Assert.Equal("the corp secret 0123456789", scope.ServiceProvider.GetRequiredService<IdentityProviders>().ClientSecretOf(stored));
        Assert.DoesNotContain("the corp secret", created.Details + changed.Details);
        Assert.Contains("Corp Inc.", changed.Details);
    }
}

public sealed class IdentityProviderBootstrapTestsOnSqlite : IdentityProviderBootstrapTests
{
    protected override IdpFactory NewFactory() => new SqliteIdpFactory();
}

public sealed class IdentityProviderBootstrapTestsOnPostgreSql : IdentityProviderBootstrapTests
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
