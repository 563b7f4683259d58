using AngleSharp.Dom;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Accessibility;

/// <summary>
/// What a screen reader needs on every hosted form: each field has a name (a label or aria-label), and each place an
/// error can appear is tied to its field by aria-describedby, so the error is read with the field.
/// </summary>
public abstract class FormLabellingTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableTheory]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    public async Task SignedOutPages_EveryFieldNamed_EveryErrorTiedToItsField(string path)
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();

        var page = await browser.OpenAsync(path);

        AssertLabelled(page);
    }

    [SkippableTheory]
    [InlineData("/account/manage/password")]
    [InlineData("/account/manage/phone")]
    [InlineData("/account/manage/authenticator")]
    public async Task AccountPages_EveryFieldNamed_EveryErrorTiedToItsField(string path)
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("alice");

        var page = await browser.OpenAsync(path);

        Assert.Equal(path, page.Path);
        AssertLabelled(page);
    }

    [SkippableFact]
    public async Task FailedSignIn_ErrorsTiedToFieldsAndAnnounced()
    {
        using var browser = Factory.CreateBrowser();

        var failed = await browser.SubmitAsync(await browser.OpenAsync("/account/login"));

        AssertLabelled(failed);
        Assert.Equal("true", failed.Document.GetElementById("Input_UserName")!.GetAttribute("aria-invalid"));
    }

    private static void AssertLabelled(BrowserPage page)
    {
        var fields = page.Document.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        Assert.NotEmpty(fields);
        var unnamed = fields.Where(field => !HasName(page.Document, field)).Select(field => field.OuterHtml).ToList();
        Assert.True(unnamed.Count == 0, "Fields without a label: " + string.Join(", ", unnamed));

        var describedBy = fields.SelectMany(field => (field.GetAttribute("aria-describedby") ?? "").Split(' ',
            StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var orphanErrors = page.Document.QuerySelectorAll(".field-error[id]").Select(error => error.Id!).Where(id
            => !describedBy.Contains(id)).ToList();
        Assert.True(orphanErrors.Count == 0, "Error places no field points at: " + string.Join(", ", orphanErrors));
        Assert.DoesNotContain(page.Document.QuerySelectorAll(".field-error:not([id])"), _ => true);
    }

    private static bool HasName(IDocument document, IElement field) =>
        field.HasAttribute("aria-label") || field.HasAttribute("aria-labelledby") || field.Closest("label") is not null
        || (field.Id is { Length: > 0 } id && document.QuerySelector($"label[for='{id}']") is not null)
        || field.GetAttribute("type") is "submit" or "button";
}

public sealed class FormLabellingTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : FormLabellingTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;
