using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// The body of a delivery: the audit event as a CloudEvents 1.0 event in structured JSON mode. <c>data</c> holds the
/// subject's id, the outcome, the audit type and the application; names, addresses and the audit's words only for a
/// subscription that asked for personal data (README's "Events and webhooks" has the schema).
/// </summary>
public sealed class WebhookPayloads(IdpDbContext database, EventOrigin origin)
{
    public const string SpecVersion = "1.0";

    private static readonly JsonEventFormatter Formatter = new();

    public async Task<(byte[] Body, string ContentType)> BuildAsync(AuditEvent audit, bool includePersonalData,
        CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?>
        {
            ["subjectUserId"] = audit.SubjectUserId,
            ["outcome"] = AuditEventCatalogue.OutcomeOf(audit.Type),
            ["auditType"] = audit.Type,
            ["clientId"] = audit.ClientId,
        };
        if (includePersonalData)
        {
            var subject = audit.SubjectUserId is null ? null : await database.Users.AsNoTracking()
                .Where(user => user.Id == audit.SubjectUserId).Select(user => new { user.UserName, user.Email })
                .SingleOrDefaultAsync(cancellationToken);
            data["actor"] = audit.Actor;
            data["subjectUserName"] = subject?.UserName;
            data["subjectEmail"] = subject?.Email;
            data["ipAddress"] = audit.IpAddress;
            data["userAgent"] = audit.UserAgent;
            data["details"] = audit.Details;
        }

        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = audit.Id.ToString(),
            Source = origin.Issuer,
            Type = EventCatalogue.TypeOf(audit.Type),
            Time = new DateTimeOffset(DateTime.SpecifyKind(audit.OccurredAt, DateTimeKind.Utc)),
            Subject = audit.SubjectUserId,
            DataContentType = "application/json",
            Data = data,
        };
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return (body.ToArray(), contentType.ToString());
    }
}

/// <summary>This server as the CloudEvents <c>source</c> of its events: its issuer.</summary>
public sealed record EventOrigin(Uri Issuer);
