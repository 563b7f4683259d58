using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Templates;

/// <summary>
/// <c>/api/v1/sms-templates</c>: every message and language with the words in effect (the product's unless
/// <c>custom</c>), through <see cref="SmsTemplateAdministration"/> (<see cref="SmsTemplateRules"/>, the audit). PUT sets
/// a template, DELETE goes back to the product's words.
/// </summary>
internal static class SmsTemplateEndpoints
{
    public const string Path = "/api/v1/sms-templates";

    public sealed record SmsTemplateResource(string Purpose, string Language, string Text, bool Custom,
        IReadOnlyList<string> Placeholders);

    public sealed record SmsTemplateInput(string? Text);

    public static RouteGroupBuilder MapSmsTemplateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup(Path).WithTags("SMS templates");
        var read = templates.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = templates.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListSmsTemplates").Produces<ApiAnswers.Page<SmsTemplateResource>>();
        read.MapGet("/{purpose}/{language}", GetAsync).WithName("GetSmsTemplate").Produces<SmsTemplateResource>();
        write.MapPut("/{purpose}/{language}", SaveAsync).WithName("UpdateSmsTemplate").Produces<SmsTemplateResource>();
        write.MapDelete("/{purpose}/{language}", ResetAsync).WithName("ResetSmsTemplate").Produces<SmsTemplateResource>();
        return templates;
    }

    private static async Task<IResult> ListAsync(HttpContext context, SmsTemplateAdministration administration,
        AccountSmsTexts texts)
    {
        var stored = (await administration.ListAsync(context.RequestAborted)).ToDictionary(t => (t.Purpose, t.Language));
        return Results.Ok(new ApiAnswers.Page<SmsTemplateResource>([.. SmsTemplatePurposes.All.SelectMany(purpose =>
            SmsLanguage.Supported.Select(language => ResourceOf(purpose, language, stored.GetValueOrDefault((purpose, language)),
                texts)))], null));
    }

    private static async Task<IResult> GetAsync(string purpose, string language, HttpContext context,
        SmsTemplateAdministration administration, AccountSmsTexts texts) =>
        Known(purpose, language) ? await ShownAsync(purpose, language, context, administration, texts)
            : ApiProblems.NotFound("template");

    private static async Task<IResult> SaveAsync(string purpose, string language, [FromBody] SmsTemplateInput input,
        HttpContext context, SmsTemplateAdministration administration, AccountSmsTexts texts)
    {
        if (await RefusalAsync(purpose, language, context, administration, texts) is { } refusal)
        {
            return refusal;
        }

        var problems = await administration.SaveAsync(purpose, language, input.Text, ApiAccess.Caller(context), context.RequestAborted);
        return problems.Count > 0 ? ApiProblems.Invalid(problems) : await ShownAsync(purpose, language, context, administration, texts);
    }

    private static async Task<IResult> ResetAsync(string purpose, string language, HttpContext context,
        SmsTemplateAdministration administration, AccountSmsTexts texts)
    {
        if (await RefusalAsync(purpose, language, context, administration, texts) is { } refusal)
        {
            return refusal;
        }

        await administration.ResetAsync(purpose, language, ApiAccess.Caller(context), context.RequestAborted);
        return await ShownAsync(purpose, language, context, administration, texts);
    }

    private static async Task<IResult?> RefusalAsync(string purpose, string language, HttpContext context,
        SmsTemplateAdministration administration, AccountSmsTexts texts) =>
        !Known(purpose, language) ? ApiProblems.NotFound("template")
            : ApiVersions.Refusal(context, ApiVersions.OfContent(await ResourceAsync(purpose, language, context, administration, texts)));

    private static async Task<IResult> ShownAsync(string purpose, string language, HttpContext context,
        SmsTemplateAdministration administration, AccountSmsTexts texts)
    {
        var shown = await ResourceAsync(purpose, language, context, administration, texts);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return Results.Ok(shown);
    }

    private static async Task<SmsTemplateResource> ResourceAsync(string purpose, string language, HttpContext context,
        SmsTemplateAdministration administration, AccountSmsTexts texts) =>
        ResourceOf(purpose, language, (await administration.ListAsync(context.RequestAborted))
            .FirstOrDefault(template => template.Purpose == purpose && template.Language == language), texts);

    // The words in effect: the stored template (read from the database, not from this instance's cache of them, which
    // catches up within seconds), else the product's in that language.
    private static SmsTemplateResource ResourceOf(string purpose, string language, SmsTemplate? stored, AccountSmsTexts texts) =>
        new(purpose, language, stored?.Text ?? SmsLanguage.In(language, () => texts.DefaultTemplateOf(purpose)), stored is not null,
            SmsTemplatePurposes.PlaceholdersOf(purpose));

    private static bool Known(string purpose, string language) =>
        SmsTemplatePurposes.All.Contains(purpose) && SmsLanguage.Supported.Contains(language);
}
