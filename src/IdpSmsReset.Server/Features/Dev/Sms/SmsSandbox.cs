using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace IdpSmsReset.Server.Features.Dev.Sms;

/// <summary>The Development sandbox's account and the messages it has "delivered" (kept in memory, newest first).</summary>
public sealed class SmsSandbox
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "development-sandbox";
    public const string From = "+14155550199";
    public const string ApiPath = "/dev/twilio";
    private const int Capacity = 200;

    private readonly ConcurrentQueue<SandboxMessage> _messages = new();
    private int _sids;

    public IReadOnlyList<SandboxMessage> Messages => [.. _messages.Reverse()];

    public SandboxMessage Record(string to, string? from, string body, TimeProvider time)
    {
        var message = new SandboxMessage("SM" + Interlocked.Increment(ref _sids).ToString("x32"), to, from ?? "", body, time.GetUtcNow());
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        return message;
    }

    /// <summary>Makes the sandbox the SMS factor when no real account was configured: it is ours, no check needed.</summary>
    public static async Task EnsureConfiguredAsync(Core.Persistence.IdpDbContext database, SmsProtection protection, TimeProvider time)
    {
        if (await database.Set<SmsFactorSettings>().AnyAsync())
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        database.Add(new SmsFactorSettings
        {
            Primary = new TwilioAccount
            {
                AccountSid = AccountSid, ProtectedAuthToken = protection.AuthToken.Protect(AuthToken), From = From, ValidatedAt = now,
            },
            UpdatedAt = now,
        });
        await database.SaveChangesAsync();
    }
}

public sealed record SandboxMessage(string Sid, string To, string From, string Body, DateTimeOffset At);
