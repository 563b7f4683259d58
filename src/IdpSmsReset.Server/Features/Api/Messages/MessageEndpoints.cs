using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Api.Messages;

/// <summary>
/// <c>/api/v1/messages</c>: the SMS log as the dashboard shows it (the number masked, never the text), newest first with a
/// cursor, narrowed by <c>status</c>; and the dashboard's one command on it, a failed message sent again
/// (<see cref="MessageAdministration"/>, audited with the application as the actor).
/// </summary>
internal static class MessageEndpoints
{
    public const string Path = "/api/v1/messages";

    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public sealed record MessageResource(Guid Id, DateTime CreatedAt, string Purpose, string Status, string Destination,
        string Country, string? Account, int Attempts, string? ErrorClass, DateTime? SentAt);

    public static RouteGroupBuilder MapMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var messages = endpoints.MapGroup(Path).WithTags("Messages");
        var read = messages.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        var write = messages.MapGroup("").RequireScope(ApplicationVocabulary.AdminScope);
        read.MapGet("", ListAsync).WithName("ListMessages").Produces<ApiAnswers.Page<MessageResource>>();
        write.MapPost("/{id:guid}/resend", ResendAsync).WithName("ResendMessage").Produces(StatusCodes.Status204NoContent);
        return messages;
    }

    private static async Task<IResult> ResendAsync(Guid id, HttpContext context, MessageAdministration administration) =>
        await administration.ResendAsync(id, ApiAccess.Caller(context), context.RequestAborted)
            ? Results.NoContent()
            : ApiProblems.Of(StatusCodes.Status409Conflict, "not-resendable",
                "Only a failed message that has not expired can be sent again.");

    private static async Task<IResult> ListAsync(HttpContext context, AdminLogs logs, string? status, int? limit, string? cursor)
    {
        OutboundSmsStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OutboundSmsStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-filter",
                    $"status must be one of {string.Join(", ", Enum.GetNames<OutboundSmsStatus>())}.");
            }

            wanted = parsed;
        }

        var messages = logs.Messages(wanted);
        if (cursor is not null)
        {
            if (!ApiCursor.TryRead(cursor, out var at, out var id))
            {
                return ApiCursor.Invalid();
            }

            messages = messages.Where(sms => sms.CreatedAt < at || (sms.CreatedAt == at && sms.Id.CompareTo(id) < 0));
        }

        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var rows = await messages.OrderByDescending(sms => sms.CreatedAt).ThenByDescending(sms => sms.Id).Take(size + 1)
            .ToListAsync(context.RequestAborted);
        var items = rows.Take(size).Select(sms => new MessageResource(sms.Id, sms.CreatedAt, sms.Purpose, sms.Status.ToString(),
            PhoneNumberRules.Mask(sms.Destination), sms.Country, sms.Account, sms.Attempts, sms.ErrorClass, sms.SentAt)).ToList();
        var next = rows.Count > size
            ? $"{Path}?limit={size}&cursor={ApiCursor.Of(rows[size - 1].CreatedAt, rows[size - 1].Id)}"
                + (wanted is null ? "" : $"&status={wanted}")
            : null;
        return Results.Ok(new ApiAnswers.Page<MessageResource>(items, next));
    }
}
