using Microsoft.AspNetCore.DataProtection;
using Hangfire;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The only way to send an SMS: the message is written (body encrypted), then a dispatch job is enqueued with its id.
/// Should the process die between the two, <see cref="SmsOutboxSweeper"/> enqueues the job later: nothing is lost.
/// </summary>
public sealed class SmsOutbox(IdpDbContext database, SmsProtection protection, IBackgroundJobClient jobs, TimeProvider time)
{
    public async Task<SmsEnqueueResult> EnqueueAsync(string destination, string purpose, string body, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!PhoneNumberRules.TryNormalize(destination, out var e164, out var country, out var problem))
        {
            return SmsEnqueueResult.Refused(problem!);
        }

        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is null || !settings.IsConfigured)
        {
            return SmsEnqueueResult.Refused("The SMS factor is not configured.");
        }

        var allowed = settings.AllowedCountryCodes;
        if (allowed.Count > 0 && !allowed.Contains(country, StringComparer.OrdinalIgnoreCase))
        {
            return SmsEnqueueResult.Refused($"SMS to {country} numbers is not allowed.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboundSms
        {
            Id = Guid.NewGuid(),
            Destination = e164,
            Country = country,
            Purpose = purpose,
            ProtectedBody = protection.Body.Protect(body),
            CreatedAt = now,
            UpdatedAt = now,
            NextAttemptAt = now,
            ExpiresAt = now + lifetime,
        };
        database.Add(message);
        await database.SaveChangesAsync(cancellationToken);

        SmsDispatchJob.Enqueue(jobs, message.Id);
        return SmsEnqueueResult.Queued(message.Id);
    }
}

public sealed record SmsEnqueueResult(Guid? MessageId, string? Problem)
{
    public static SmsEnqueueResult Queued(Guid id) => new(id, null);

    public static SmsEnqueueResult Refused(string problem) => new(null, problem);
}
