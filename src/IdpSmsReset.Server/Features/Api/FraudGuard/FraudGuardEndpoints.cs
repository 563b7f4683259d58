using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.FraudGuard;

/// <summary>
/// <c>/api/v1/sms-fraud-guard</c>: the dashboard's fraud guard, through <see cref="SmsFraudGuardAdministration"/> (the
/// rules, the audit). The body is the bootstrap file's <c>smsFraudGuard</c>; a field left out takes its default. The
/// figures by country and the held messages, released or discarded by the budget that held them.
/// </summary>
internal static class FraudGuardEndpoints
{
    public const string Path = "/api/v1/sms-fraud-guard";

    /// <summary>Which held messages: those one budget holds (its <c>scope</c>, as the held list names it), or all when left out.</summary>
    public sealed record HeldSelection(string? Scope);

    public sealed record HeldOutcome(int Messages);

    public static IEndpointRouteBuilder MapFraudGuardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var guard = endpoints.MapGroup(Path).WithTags("SMS fraud guard");
        var read = guard.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = guard.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", async (HttpContext context, SmsFraudGuardAdministration administration) =>
                Results.Ok(await administration.GetAsync(context.RequestAborted)))
            .WithName("GetSmsFraudGuard").Produces<SmsFraudGuardDefinition>();
        write.MapPut("", async ([FromBody] SmsFraudGuardDefinition input, HttpContext context,
                SmsFraudGuardAdministration administration) =>
            {
                var saved = await administration.SaveAsync(input, ApiAccess.Caller(context), context.RequestAborted);
                return saved.Succeeded
                    ? Results.Ok(await administration.GetAsync(context.RequestAborted))
                    : ApiProblems.Invalid(saved.Problems);
            })
            .WithName("UpdateSmsFraudGuard").Produces<SmsFraudGuardDefinition>();
        read.MapGet("/countries", async (HttpContext context, SmsFraudGuardReport report) =>
                Results.Ok(await report.CountriesAsync(context.RequestAborted)))
            .WithName("ListSmsCountries").Produces<IReadOnlyList<SmsCountryFigures>>();
        read.MapGet("/held", async (HttpContext context, SmsFraudGuardReport report) =>
                Results.Ok(await report.HeldAsync(context.RequestAborted)))
            .WithName("ListHeldSms").Produces<IReadOnlyList<HeldSmsGroup>>();
        write.MapPost("/held/release", async ([FromBody] HeldSelection input, HttpContext context,
                SmsFraudGuardAdministration administration) =>
                Results.Ok(new HeldOutcome(
                    await administration.ReleaseHeldAsync(input.Scope, ApiAccess.Caller(context), context.RequestAborted))))
            .WithName("ReleaseHeldSms").Produces<HeldOutcome>();
        write.MapPost("/held/discard", async ([FromBody] HeldSelection input, HttpContext context,
                SmsFraudGuardAdministration administration) =>
                Results.Ok(new HeldOutcome(
                    await administration.DiscardHeldAsync(input.Scope, ApiAccess.Caller(context), context.RequestAborted))))
            .WithName("DiscardHeldSms").Produces<HeldOutcome>();
        return endpoints;
    }
}
