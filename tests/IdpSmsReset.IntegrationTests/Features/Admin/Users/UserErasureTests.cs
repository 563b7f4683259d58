using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Users;

/// <summary>Deleting a user erases their personal data from every table, which the test lists from the database's own model.</summary>
public abstract class UserErasureTests : TwilioBackedTests
{
    private const string UserName = "zelda-erasure";
    private const string Email = "zelda.erasure@example.com";
    private const string PhoneNumber = "+14155559876";
    private const string MobileAttribute = "+14155558765";

    protected UserErasureTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
    }

    [SkippableFact]
    public async Task Delete_Confirmed_NoTableHoldsTheNameEmailOrNumbers_TheAuditKeepsAPseudonym()
    {
        await Factory.ConfigureSmsFactorAsync();
        var userId = await CreateUserAsync();
        using var appBrowser = Factory.CreateBrowser();
        var agent = new UserAgent(appBrowser, UserName, TestBootstrap.Password);
        var login = await OidcClients.Create(Factory, agent, TestBootstrap.WebClientId, TestBootstrap.WebClientSecret).LoginAsync();
        Assert.False(login.IsError, login.Error);
        using var resetBrowser = Factory.CreateBrowser();
        await resetBrowser.StartResetAsync(UserName);
        await Twilio.NextSmsCodeAsync(PhoneNumber, seenBefore: 0);
        Assert.NotEmpty(await PlacesHoldingAsync());

        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var edit = await admin.OpenAsync($"/admin/users/edit?id={userId}");
        var confirmation = await admin.SubmitAsync(edit, formSelector: "form#delete-user");
        var deleted = await admin.ConfirmAsync(confirmation);

        Assert.Contains("personal data erased", confirmation.Document.GetElementById("confirmation-what")!.TextContent);
        Assert.Equal("/admin/users", deleted.Path);
        Assert.Contains("The user was deleted and their personal data erased.", deleted.Text);
        var left = await PlacesHoldingAsync();
        Assert.True(left.Count == 0, $"Personal data left after deletion:\n{string.Join("\n", left)}");
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        Assert.False(await database.Users.AnyAsync(user => user.Id == userId));
        var trail = await database.Set<Core.Audit.AuditEvent>().Where(e => e.SubjectUserId == userId).ToListAsync();
        Assert.Contains(trail, e => e.Type == AdminEventTypes.UserDeleted && e.Actor == TestBootstrap.AdminUserName);
        // What happened stays, under the id alone: the reset the user asked for is still there, without its details.
        Assert.Contains(trail, e => e.Type == Core.Audit.AuditEventTypes.PasswordResetRequested && e.Details == null);
    }

    [SkippableFact]
    public async Task Delete_OwnAccount_RefusedWithTheReason()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync($"/admin/users?search={TestBootstrap.AdminUserName}");
        var edit = await admin.OpenAsync(
            list.Document.QuerySelector($"tr[data-user='{TestBootstrap.AdminUserName}'] a")!.GetAttribute("href")!);

        var refused = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form#delete-user"));

        Assert.Contains("You cannot delete your own account.", refused.Text);
        Assert.Equal("/admin", (await admin.OpenAsync("/admin")).Path);
    }

    private async Task<string> CreateUserAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var policy = await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>()
            .FindByNameAsync(TestBootstrap.ResetPolicyName, CancellationToken.None);
        var user = new ApplicationUser
        {
            UserName = UserName, Email = Email, EmailConfirmed = true, PhoneNumber = PhoneNumber, PhoneNumberConfirmed = true,
            DisplayName = "Zelda Erasure", SecurityPolicyId = policy!.Id,
        };
        Assert.True((await users.CreateAsync(user, TestBootstrap.Password)).Succeeded);
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        database.Add(new UserAttribute { UserId = user.Id, Name = "mobile", Value = MobileAttribute });
        await database.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Every text column of every table the model maps, searched for what would identify the person.</summary>
    private async Task<IReadOnlyList<string>> PlacesHoldingAsync()
    {
        string[] needles = [UserName, Email, "Zelda Erasure", PhoneNumber[2..], MobileAttribute[2..]];
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var columns = database.Model.GetEntityTypes()
            .Where(type => type.GetTableName() is not null)
            .SelectMany(type => type.GetProperties().Where(property => property.ClrType == typeof(string))
                .Select(property => (Table: type.GetTableName()!, Schema: type.GetSchema(),
                    Column: property.GetColumnName(
                        Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema())))))
            .Where(place => !string.IsNullOrEmpty(place.Column))
            .Distinct()
            .ToList();
        var found = new List<string>();
        foreach (var (table, schema, column) in columns)
        {
            var qualified = schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
            // Names from the model, not from input: nothing here can inject.
            var sql = "SELECT \"" + column + "\" AS \"Value\" FROM " + qualified;
            var values = await database.Database.SqlQueryRaw<string>(sql).ToListAsync();
            found.AddRange(values
                .Where(value => value is not null && needles.Any(needle => value.Contains(needle, StringComparison.OrdinalIgnoreCase)))
                .Select(value => $"{table}.{column}: {value}"));
        }

        return found;
    }
}

public sealed class UserErasureTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : UserErasureTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class UserErasureTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : UserErasureTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
