using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Events;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Api.Webhooks;

/// <summary>
/// <c>/api/v1/webhooks</c>: the subscriptions, in the bootstrap file's shape, through Core's
/// <see cref="WebhookSubscriptions"/> (the rules, the encrypted secret, the audit), and their deliveries. A secret the
/// server makes is answered once, on the request that made it; replacing a subscription needs <c>If-Match</c>.
/// </summary>
internal static class WebhookEndpoints
{
    public const string Path = "/api/v1/webhooks";

    private const int DeliveriesShown = 100;

    public static RouteGroupBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup(Path).WithTags("Webhooks");
        var read = webhooks.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = webhooks.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListWebhooks").Produces<ApiAnswers.Page<WebhookResource>>();
        read.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").Produces<WebhookResource>();
        read.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries")
            .Produces<ApiAnswers.Page<WebhookDeliveryResource>>();
        write.MapPost("", CreateAsync).WithName("CreateWebhook").Produces<WebhookResource>(StatusCodes.Status201Created);
        write.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateWebhook").Produces<WebhookResource>();
        write.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").Produces(StatusCodes.Status204NoContent);
        write.MapPost("/{id:guid}/secret", RotateSecretAsync).WithName("RotateWebhookSecret").Produces<WebhookResource>();
        write.MapPost("/{id:guid}/test", SendTestAsync).WithName("SendWebhookTest")
            .Produces<WebhookDeliveryResource>(StatusCodes.Status202Accepted);
        write.MapPost("/{id:guid}/deliveries/{delivery:long}/retry", RedeliverAsync).WithName("RedeliverWebhook")
            .Produces<WebhookDeliveryResource>(StatusCodes.Status202Accepted);
        return webhooks;
    }

    private static async Task<IResult> ListAsync(HttpContext context, WebhookSubscriptions subscriptions) =>
        Results.Ok(new ApiAnswers.Page<WebhookResource>(
            [.. (await subscriptions.ListAsync(context.RequestAborted)).Select(s => WebhookResource.Of(s))], null));

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, WebhookSubscriptions subscriptions)
    {
        if (await subscriptions.FindAsync(id, context.RequestAborted) is not { } subscription)
        {
            return ApiProblems.NotFound("webhook");
        }

        var shown = WebhookResource.Of(subscription);
        context.Response.Headers.ETag = ApiVersions.OfContent(shown);
        return Results.Ok(shown);
    }

    private static async Task<IResult> DeliveriesAsync(Guid id, HttpContext context, WebhookSubscriptions subscriptions) =>
        await subscriptions.FindAsync(id, context.RequestAborted) is null
            ? ApiProblems.NotFound("webhook")
            : Results.Ok(new ApiAnswers.Page<WebhookDeliveryResource>([.. (await subscriptions.DeliveriesAsync(id, DeliveriesShown,
                context.RequestAborted)).Select(WebhookDeliveryResource.Of)], null));

    private static async Task<IResult> CreateAsync([FromBody] WebhookDefinition input, HttpContext context,
        WebhookSubscriptions subscriptions)
    {
        if (!string.IsNullOrWhiteSpace(input.Name)
            && await subscriptions.FindByNameAsync(input.Name.Trim(), context.RequestAborted) is not null)
        {
            return ApiProblems.Of(StatusCodes.Status409Conflict, "name-taken", $"A webhook named '{input.Name.Trim()}' exists.");
        }

        var saved = await subscriptions.SaveAsync(input, ApiAccess.Caller(context), context.RequestAborted);
        return await AnswerAsync(saved, context, subscriptions, created: true);
    }

    private static async Task<IResult> UpdateAsync(Guid id, [FromBody] WebhookDefinition input, HttpContext context,
        WebhookSubscriptions subscriptions)
    {
        if (await subscriptions.FindAsync(id, context.RequestAborted) is not { } existing)
        {
            return ApiProblems.NotFound("webhook");
        }

        if (ApiVersions.Refusal(context, ApiVersions.OfContent(WebhookResource.Of(existing))) is { } refusal)
        {
            return refusal;
        }

        var saved = await subscriptions.SaveAsync(input, ApiAccess.Caller(context), context.RequestAborted, id);
        return await AnswerAsync(saved, context, subscriptions, created: false);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, WebhookSubscriptions subscriptions) =>
        (await subscriptions.DeleteAsync(id, ApiAccess.Caller(context), context.RequestAborted)).Succeeded
            ? Results.NoContent()
            : ApiProblems.NotFound("webhook");

    private static async Task<IResult> RotateSecretAsync(Guid id, HttpContext context, WebhookSubscriptions subscriptions)
    {
        var rotated = await subscriptions.RotateSecretAsync(id, ApiAccess.Caller(context), context.RequestAborted);
        return rotated.Result.Succeeded
            ? Results.Ok(WebhookResource.Of((await subscriptions.FindAsync(id, context.RequestAborted))!, rotated.NewSecret))
            : ApiProblems.NotFound("webhook");
    }

    private static async Task<IResult> SendTestAsync(Guid id, HttpContext context, WebhookSubscriptions subscriptions)
    {
        if (await subscriptions.FindAsync(id, context.RequestAborted) is null)
        {
            return ApiProblems.NotFound("webhook");
        }

        var sent = await subscriptions.SendTestAsync(id, ApiAccess.Caller(context), context.RequestAborted);
        return sent.Succeeded ? await QueuedAsync(id, long.Parse(sent.Id!), context, subscriptions) : ApiProblems.Invalid(sent.Problems);
    }

    private static async Task<IResult> RedeliverAsync(Guid id, long delivery, HttpContext context, WebhookSubscriptions subscriptions)
    {
        var sent = await subscriptions.RedeliverAsync(id, delivery, ApiAccess.Caller(context), context.RequestAborted);
        return sent.Succeeded
            ? await QueuedAsync(id, delivery, context, subscriptions)
            : ApiProblems.Of(StatusCodes.Status409Conflict, "not-ended", sent.Problems[0].Problem);
    }

    private static async Task<IResult> QueuedAsync(Guid id, long delivery, HttpContext context, WebhookSubscriptions subscriptions)
    {
        var queued = (await subscriptions.DeliveriesAsync(id, DeliveriesShown, context.RequestAborted)).Single(d => d.Id == delivery);
        return Results.Accepted($"{Path}/{id}/deliveries", WebhookDeliveryResource.Of(queued));
    }

    private static async Task<IResult> AnswerAsync(WebhookSaved saved, HttpContext context, WebhookSubscriptions subscriptions,
        bool created)
    {
        if (!saved.Result.Succeeded)
        {
            return ApiProblems.Invalid(saved.Result.Problems);
        }

        var id = Guid.Parse(saved.Result.Id!);
        var subscription = (await subscriptions.FindAsync(id, context.RequestAborted))!;
        context.Response.Headers.ETag = ApiVersions.OfContent(WebhookResource.Of(subscription));
        var shown = WebhookResource.Of(subscription, saved.NewSecret);
        return created ? Results.Created($"{Path}/{id}", shown) : Results.Ok(shown);
    }
}

/// <summary>One delivery: its <c>webhook-id</c>, status, attempts and how the last one went.</summary>
public sealed record WebhookDeliveryResource(long Id, string WebhookId, string EventType, string Status, int Attempts,
    DateTime CreatedAt, DateTime? CompletedAt, int? LastStatusCode, string? LastError)
{
    public static WebhookDeliveryResource Of(WebhookDelivery delivery) => new(delivery.Id, $"msg_{delivery.MessageId:N}",
        delivery.EventType, delivery.Status.ToString().ToLowerInvariant(), delivery.Attempts, delivery.CreatedAt, delivery.CompletedAt,
        delivery.LastStatusCode, delivery.LastError);
}

/// <summary>A subscription as the API shows it: never its secret, except <see cref="Secret"/> on the answer that made one.</summary>
public sealed record WebhookResource(Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool IncludePersonalData,
    bool Enabled, DateTime? FailingSince, string? DisabledReason, string? Secret = null)
{
    public static WebhookResource Of(WebhookSubscription subscription, string? newSecret = null) => new(subscription.Id,
        subscription.Name, subscription.Url, EventFilter.Split(subscription.Events), subscription.IncludePersonalData, subscription.Enabled,
        subscription.FailingSince, subscription.DisabledReason, newSecret);
}
