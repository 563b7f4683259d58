using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Factors;

/// <summary>
/// <c>/api/v1/sms-factor</c> and <c>/api/v1/authenticator-apps</c>: the dashboard's factors page, through
/// <see cref="FactorAdministration"/> (Twilio's check, the audit). A body is the bootstrap file's <c>smsFactor</c>
/// (its <c>secondary</c> for the secondary account); the auth token goes in and never comes out, and may be left out
/// to keep the stored one. An account Twilio refuses is saved but not used: <c>lastValidationError</c> says why.
/// </summary>
internal static class FactorEndpoints
{
    public const string SmsFactorPath = "/api/v1/sms-factor";
    public const string AuthenticatorAppsPath = "/api/v1/authenticator-apps";

    public sealed record AuthenticatorAppsResource(bool Enabled);

    public sealed record TestSmsInput(string? To);

    public static IEndpointRouteBuilder MapFactorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var factors = endpoints.MapGroup("").WithTags("Factors");
        var read = factors.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = factors.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet(SmsFactorPath, GetSmsFactorAsync).WithName("GetSmsFactor").Produces<SmsFactorResource>();
        write.MapPut(SmsFactorPath, SaveSmsFactorAsync).WithName("UpdateSmsFactor").Produces<SmsFactorResource>();
        write.MapPut(SmsFactorPath + "/secondary", SaveSecondaryAsync).WithName("UpdateSecondarySmsAccount").Produces<SmsFactorResource>();
        write.MapDelete(SmsFactorPath + "/secondary", RemoveSecondaryAsync).WithName("RemoveSecondarySmsAccount")
            .Produces<SmsFactorResource>();
        write.MapPost(SmsFactorPath + "/test", SendTestAsync).WithName("SendTestSms")
            .Produces<ApiAnswers.QueuedMessage>(StatusCodes.Status202Accepted);
        read.MapGet(AuthenticatorAppsPath, async (HttpContext context, FactorAdministration administration) =>
            Results.Ok(new AuthenticatorAppsResource(await administration.AuthenticatorAppsOnAsync(context.RequestAborted))))
            .WithName("GetAuthenticatorApps").Produces<AuthenticatorAppsResource>();
        write.MapPut(AuthenticatorAppsPath, async ([FromBody] AuthenticatorAppsResource input, HttpContext context,
            FactorAdministration administration) =>
        {
            await administration.SetAuthenticatorAppsAsync(input.Enabled, ApiAccess.Caller(context), context.RequestAborted);
            return Results.Ok(input);
        }).WithName("UpdateAuthenticatorApps").Produces<AuthenticatorAppsResource>();
        return endpoints;
    }

    private static async Task<IResult> GetSmsFactorAsync(HttpContext context, FactorAdministration administration) =>
        await administration.GetSmsFactorAsync(context.RequestAborted) is { } settings
            ? Shown(context, settings)
            : ApiProblems.NotFound("SMS factor: none is configured yet");

    private static async Task<IResult> SaveSmsFactorAsync([FromBody] BootstrapSmsFactor input, HttpContext context,
        FactorAdministration administration)
    {
        if (await VersionRefusalAsync(context, administration, required: false) is { } refusal)
        {
            return refusal;
        }

        var saved = await administration.SaveSmsFactorAsync(input.ToInput(), ApiAccess.Caller(context), context.RequestAborted);
        return await AnswerAsync(saved, context, administration);
    }

    private static async Task<IResult> SaveSecondaryAsync([FromBody] BootstrapSmsAccount input, HttpContext context,
        FactorAdministration administration)
    {
        if (string.IsNullOrWhiteSpace(input.AccountSid))
        {
            return ApiProblems.Invalid(
                [new("accountSid", $"Enter the Account SID; DELETE {SmsFactorPath}/secondary removes the account.")]);
        }

        return await VersionRefusalAsync(context, administration, required: true) ?? await AnswerAsync(
            await administration.SaveSecondaryAccountAsync(input.ToInput(), ApiAccess.Caller(context), context.RequestAborted),
            context, administration);
    }

    private static async Task<IResult> RemoveSecondaryAsync(HttpContext context, FactorAdministration administration) =>
        await VersionRefusalAsync(context, administration, required: true) ?? await AnswerAsync(
            await administration.SaveSecondaryAccountAsync(new SmsFactorInput(null, null, null, null, null, []),
                ApiAccess.Caller(context), context.RequestAborted), context, administration);

    private static async Task<IResult> SendTestAsync([FromBody] TestSmsInput input, HttpContext context,
        FactorAdministration administration, Localization.ProblemMessages problems)
    {
        var queued = await administration.SendTestSmsAsync(input.To ?? "", ApiAccess.Caller(context), context.RequestAborted);
        return queued.Problem is { } problem
            ? ApiProblems.Invalid([new("to", problems.For(problem))])
            : Results.Accepted((string?)null, new ApiAnswers.QueuedMessage(queued.MessageId));
    }

    private static async Task<IResult> AnswerAsync(SmsFactorSaveResult saved, HttpContext context, FactorAdministration administration) =>
        saved.Saved
            ? Shown(context, (await administration.GetSmsFactorAsync(context.RequestAborted))!)
            : ApiProblems.Invalid(saved.Problems);

    private static IResult Shown(HttpContext context, SmsFactorSettings settings)
    {
        var shown = SmsFactorResource.Of(settings);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return Results.Ok(shown);
    }

    // A first configuration has nothing to have read; afterwards a change names the version it read.
    private static async Task<IResult?> VersionRefusalAsync(HttpContext context, FactorAdministration administration, bool required) =>
        await administration.GetSmsFactorAsync(context.RequestAborted) is { } current
            ? ApiVersions.Refusal(context, ApiVersions.OfContent(SmsFactorResource.Of(current)))
            : required
                ? ApiProblems.Of(StatusCodes.Status409Conflict, "refused", $"Configure the primary account first ({SmsFactorPath}).")
                : null;
}

/// <summary>
/// The SMS factor as the API shows it: the bootstrap file's <c>smsFactor</c> shape without the auth token (never
/// returned: <c>authTokenSet</c> says there is one), with Twilio's last verdict on each account.
/// </summary>
public sealed record SmsFactorResource(
    string AccountSid, bool AuthTokenSet, string? From, string? MessagingServiceSid, string PhoneField,
    IReadOnlyList<string> AllowedCountries, DateTime? ValidatedAt, string? LastValidationError, SmsAccountResource? Secondary)
{
    public static SmsFactorResource Of(SmsFactorSettings settings) => new(
        settings.Primary.AccountSid, true, settings.Primary.From, settings.Primary.MessagingServiceSid, settings.PhoneField,
        settings.AllowedCountryCodes, settings.Primary.ValidatedAt, settings.Primary.LastValidationError,
        settings.Secondary is { } secondary ? SmsAccountResource.Of(secondary) : null);
}
