using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>The SMS factor reads the phone from the field its settings name: PhoneNumber, or a custom attribute.</summary>
public abstract class UserPhoneResolverTests(IdpFactory factory)
{
    [SkippableTheory]
    [InlineData("PhoneNumber", "+14155550100")]
    [InlineData("mobile", "+14155551001")]
    [InlineData("no-such-attribute", null)]
    public async Task GetPhone_FromTheConfiguredField_ReturnsThatNumber(string phoneField, string? expected)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("bob"))!;
        var settings = new SmsFactorSettings
        {
            Primary = new TwilioAccount { AccountSid = FakeTwilio.AccountSid, ProtectedAuthToken = "" }, PhoneField = phoneField,
        };

        var phone = await scope.ServiceProvider.GetRequiredService<UserPhoneResolver>().GetPhoneAsync(user, settings,
            CancellationToken.None);

        Assert.Equal(expected, phone);
    }
}

public sealed class UserPhoneResolverTestsOnSqlite(SqliteIdpFactory factory) : UserPhoneResolverTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class UserPhoneResolverTestsOnPostgreSql(PostgreSqlIdpFactory factory) : UserPhoneResolverTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
