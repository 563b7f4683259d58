using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Templates;

/// <summary><c>/api/v1/sms-templates</c>: the words in effect, a template set and reset, the rules' refusals.</summary>
public abstract class SmsTemplateApiTests(IdpFactory factory)
{
    private const string FrenchReset = "/api/v1/sms-templates/reset-code/fr";

    [SkippableFact]
    public async Task Template_SetThenReset_TheWordsInEffectFollow_AndAnUnsafeOneIsRefused()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "template-script", "idp:admin");
        var list = await (await api.GetAsync("/api/v1/sms-templates")).JsonAsync();
        using var before = await api.GetAsync(FrenchReset);
        var product = (await before.JsonAsync()).GetProperty("text").GetString();

        using var saved = await api.SendAsync(HttpMethod.Put, FrenchReset, before.Headers.ETag!,
            new { text = "Code {code} pour votre mot de passe, valable {minutes} min. Ne le donnez a personne." });
        using var withoutCode = await api.SendAsync(HttpMethod.Put, FrenchReset, saved.Headers.ETag!, new { text = "Bonjour" });
        using var reset = await api.SendAsync(HttpMethod.Delete, FrenchReset, saved.Headers.ETag!, null);
        using var unknown = await api.GetAsync("/api/v1/sms-templates/reset-code/de");

        Assert.Equal(15, list.GetProperty("items").GetArrayLength());
        Assert.False((await before.JsonAsync()).GetProperty("custom").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var custom = await (saved).JsonAsync();
        Assert.True(custom.GetProperty("custom").GetBoolean());
        Assert.StartsWith("Code {code} pour", custom.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.Equal(product, (await reset.JsonAsync()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(AdminEventTypes.SmsTemplateChanged),
            e => e.Actor == "application:template-script");
    }
}

public sealed class SmsTemplateApiTestsOnSqlite(SqliteIdpFactory factory) : SmsTemplateApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class SmsTemplateApiTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : SmsTemplateApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
