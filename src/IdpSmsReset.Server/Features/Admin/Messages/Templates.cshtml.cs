using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Messages;

/// <summary>
/// The SMS templates: each message in each language, the administrator's words or the product's. The editor shows
/// what the text costs at its longest (encoding, segments, a warning past two) and the final text in every language.
/// </summary>
internal sealed class TemplatesModel(SmsTemplateAdministration administration, AccountSmsTexts texts, AdminChanges changes,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string SampleCode = "123456";
    private static readonly TimeSpan SampleLifetime = TimeSpan.FromMinutes(10);

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<(string Purpose, string Language, bool Custom)> Rows { get; private set; } = [];

    public (string Encoding, int Length, int Segments)? Cost { get; private set; }

    public IReadOnlyList<(string Language, string Text)> Previews { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool Editing => Purpose is not null && SmsTemplatePurposes.All.Contains(Purpose) && Language is not null
        && SmsLanguage.Supported.Contains(Language);

    public IReadOnlyList<string> Placeholders => Editing ? SmsTemplatePurposes.PlaceholdersOf(Purpose!) : [];

    public async Task OnGetAsync()
    {
        await LoadRowsAsync();
        if (Editing)
        {
            Text = SmsLanguage.In(Language, () => texts.TemplateOf(Purpose!));
            Describe();
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadRowsAsync();
        if (!Editing)
        {
            return RedirectToPage();
        }

        if (!Check())
        {
            return Page();
        }

        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!Editing)
        {
            return RedirectToPage();
        }

        var problems = await administration.SaveAsync(Purpose!, Language!, Text, changes.Current, HttpContext.RequestAborted);
        await LoadRowsAsync();
        foreach (var (field, problem) in problems)
        {
            ModelState.AddModelError(nameof(Text), Sentence(problem));
        }

        if (problems.Count == 0)
        {
            Notice = localizer["The template is saved: the next messages use it."];
            Describe();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        if (!Editing)
        {
            return RedirectToPage();
        }

        await administration.ResetAsync(Purpose!, Language!, changes.Current, HttpContext.RequestAborted);
        await LoadRowsAsync();
        Text = SmsLanguage.In(Language, () => texts.DefaultTemplateOf(Purpose!));
        Notice = localizer["Back to the product's words."];
        Describe();
        return Page();
    }

    /// <summary>The problems of the typed text, beside the field; false when there are some.</summary>
    private bool Check()
    {
        foreach (var (field, problem) in SmsTemplateRules.Validate(Purpose, Language, Text))
        {
            ModelState.AddModelError(nameof(Text), Sentence(problem));
        }

        return ModelState.IsValid;
    }

    /// <summary>
    /// A rule's problem as a sentence beside the field: every problem is the text's (its only field), so the field's name
    /// is said once, as the sentence's subject ("The text is required."), not repeated as a prefix.
    /// </summary>
    private string Sentence(string problem) => problem.StartsWith("is ", StringComparison.Ordinal)
        || problem.StartsWith("must ", StringComparison.Ordinal)
            ? $"{localizer["The text"]} {localizer[problem]}"
            : localizer[problem];

    private void Describe()
    {
        Cost = SmsTemplateRules.WorstCase(Purpose!, Text ?? "", texts.Host);
        var link = $"https://{texts.Host}/account/reset-code?flow=…";
        Previews = [.. SmsLanguage.Supported.Select(language => (language, SmsLanguage.In(language, () => texts.Render(Purpose!,
            language == Language ? Text ?? "" : texts.TemplateOf(Purpose!), SampleCode, SampleLifetime, link))))];
    }

    private async Task LoadRowsAsync()
    {
        var stored = (await administration.ListAsync(HttpContext.RequestAborted))
            .Select(template => (template.Purpose, template.Language)).ToHashSet();
        Rows = [.. SmsTemplatePurposes.All.SelectMany(purpose => SmsLanguage.Supported
            .Select(language => (purpose, language, stored.Contains((purpose, language)))))];
    }
}
