using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Admin;
using IdpSmsReset.Server.Features.Admin.Policies;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Policies;

/// <summary>Creating, editing, deleting and choosing the default policy on /admin/policies.</summary>
public abstract class PolicyPagesTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task NewPolicy_BadValues_MessagesBesideTheFields_TypedValuesKept()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/policies/edit");

        var page = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Name"] = "Contractors", ["Password.MinLength"] = "7", ["PasswordReset.CodeLength"] = "five", ["Lockout.LockoutMinutes"] = "0",
        });

        Assert.Equal("/admin/policies/edit", page.Path);
        Assert.Equal("must be between 8 and 64; it is 7.", page.FieldError("Password-MinLength-error"));
        Assert.Equal("five", page.InputValue("PasswordReset.CodeLength"));
        Assert.NotEmpty(page.FieldError("PasswordReset-CodeLength-error")!);
        Assert.Equal("Contractors", page.InputValue("Name"));
        Assert.DoesNotContain("Contractors", (await admin.OpenAsync("/admin/policies")).Text);
    }

    [SkippableFact]
    public async Task SmsResetSwitch_DisabledWithTheReason_UntilTheSmsFactorAndTwilioAreThere()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var created = await admin.SubmitAsync(await admin.OpenAsync("/admin/policies/edit"), new Dictionary<string,
            string> { ["Name"] = "Field staff" });
        var edit = await admin.OpenAsync(created.Document.QuerySelector("tr[data-policy='Field staff'] a")!.GetAttribute("href")!);
        var forced = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["PasswordReset.SmsEnabled"] = "true" });

        Assert.Equal(EditPolicyModel.NeedsSmsFactor, edit.Document.GetElementById("sms-reset-blocked")!.TextContent.Replace("Fix this",
            "").Trim());
        Assert.Equal(IdpSmsReset.Core.Policies.SecurityPolicyRules.SmsResetNeedsSmsFactor,
            forced.FieldError("PasswordReset-SmsEnabled-error"));
    }

    [SkippableFact]
    public async Task DeleteInUseOrDefault_RefusedWithTheReason_UnusedDeletedAndAudited()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        await admin.SubmitAsync(await admin.OpenAsync("/admin/policies/edit"), new Dictionary<string, string> { ["Name"] = "Temporary" });
        var list = await admin.OpenAsync("/admin/policies");

        var inUse = await admin.ConfirmAsync(
            await admin.SubmitAsync(list, formSelector: "tr[data-policy='Strict'] form[action*='handler=Delete']"));
        var deleted = await admin.ConfirmAsync(
            await admin.SubmitAsync(list, formSelector: "tr[data-policy='Temporary'] form[action*='handler=Delete']"));

        Assert.Equal("1", list.Document.QuerySelector("tr[data-policy='Strict'] .users")!.TextContent);
        Assert.Null(list.Document.QuerySelector("tr[data-policy='Default'] form[action*='handler=Delete']"));
        Assert.Contains("1 user(s) belong to 'Strict'; move them to another policy first.", inUse.Text);
        Assert.Contains("The policy 'Temporary' was deleted.", deleted.Text);
        Assert.Null(deleted.Document.QuerySelector("tr[data-policy='Temporary']"));
        var audit = await admin.OpenAsync("/admin/audit?Type=" + AdminEventTypes.PolicyDeleted);
        Assert.Contains("\"name\":\"Temporary\"",
            audit.Document.QuerySelector("tr[data-type='admin.policy-deleted'] .details")!.TextContent);
        Assert.Contains(TestBootstrap.AdminUserName, audit.Text);
        Assert.Contains(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.PolicyCreated), e => (e.Details ?? "").Contains("Temporary"));
    }

    [SkippableFact]
    public async Task SmsResetOffEverywhere_ForgotPasswordDisappearsAtOnce()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        using var visitor = Factory.CreateBrowser();
        var before = await visitor.OpenAsync("/account/login");

        foreach (var name in new[] { TestBootstrap.SmsPolicyName, TestBootstrap.ResetPolicyName, TestBootstrap.MfaResetPolicyName })
        {
            var list = await admin.OpenAsync("/admin/policies");
            var edit = await admin.OpenAsync(list.Document.QuerySelector($"tr[data-policy='{name}'] a")!.GetAttribute("href")!);
            var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["PasswordReset.SmsEnabled"] = "false" });
            Assert.Contains($"The policy '{name}' was saved.", saved.Text);
        }

        var after = await visitor.OpenAsync("/account/login");

        Assert.NotNull(before.Document.GetElementById("forgot-password"));
        Assert.Null(after.Document.GetElementById("forgot-password"));
        Assert.Equal(3, (await Factory.AuditEventsOfTypeAsync(AdminEventTypes.PolicyChanged))
            .Count(e => e.Actor == TestBootstrap.AdminUserName));
    }
}

public sealed class PolicyPagesTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : PolicyPagesTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class PolicyPagesTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : PolicyPagesTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
