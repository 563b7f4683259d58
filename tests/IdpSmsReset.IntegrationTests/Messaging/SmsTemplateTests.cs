using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>Messages reworded by administrators, as the phone shows them.</summary>
public abstract class SmsTemplateTests : TwilioBackedTests
{
    protected SmsTemplateTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
    }

    [SkippableFact]
    public async Task FrenchTemplateStored_FrenchResetSmsSaysIt_WithTheOriginLine_OtherLanguagesKeepTheirs()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            database.Add(new SmsTemplate { Purpose = SmsTemplatePurposes.ResetCode, Language = "fr",
                Text = "Code {code} pour {product}, valable {minutes}." });
            await database.SaveChangesAsync();
            await Factory.Services.GetRequiredService<SmsTemplateCatalog>().LoadAsync(database, CancellationToken.None);
        }

        using var french = Factory.CreateBrowser();
        french.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var english = Factory.CreateBrowser();

        await french.StartResetAsync("wade");
        var frenchBody = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("wade"))).Single().Form["Body"];
        await english.StartResetAsync("cole");
        var englishBody = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("cole"))).Single().Form["Body"];
        var code = Phone.CodeIn(frenchBody);

        Assert.Equal($"Code {code} pour localhost, valable 10 minutes.\n\n@localhost #{code}", frenchBody);
        Assert.StartsWith($"{Phone.CodeIn(englishBody)} is your code to reset your password.", englishBody);
    }
}

public sealed class SmsTemplateTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsTemplateTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsTemplateTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsTemplateTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
