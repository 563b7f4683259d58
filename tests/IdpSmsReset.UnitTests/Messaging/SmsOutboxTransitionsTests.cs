using IdpSmsReset.Core.Messaging;
using IdpSmsReset.UnitTests.Mfa;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.UnitTests.Messaging;

/// <summary>
/// The outbox's transition table, and that <see cref="SmsOutbox"/> makes every move the table forbids impossible:
/// each (status, transition) pair is tried against a real database.
/// </summary>
public sealed class SmsOutboxTransitionsTests : IDisposable
{
    private const string ProviderId = "SM0001";

    private readonly MfaTestDatabase _database = new();

    private DateTime Now => _database.Time.GetUtcNow().UtcDateTime;

    public static TheoryData<OutboundSmsStatus, OutboundSmsTransition, OutboundSmsStatus?> Table()
    {
        // status, transition, status after (null: not allowed); a report here says "delivered"
        var allowed = new Dictionary<(OutboundSmsStatus, OutboundSmsTransition), OutboundSmsStatus>
        {
            [(OutboundSmsStatus.Queued, OutboundSmsTransition.Expire)] = OutboundSmsStatus.Expired,
            [(OutboundSmsStatus.Held, OutboundSmsTransition.Expire)] = OutboundSmsStatus.Expired,
            [(OutboundSmsStatus.Held, OutboundSmsTransition.Release)] = OutboundSmsStatus.Queued,
            [(OutboundSmsStatus.Held, OutboundSmsTransition.Discard)] = OutboundSmsStatus.Discarded,
            [(OutboundSmsStatus.Queued, OutboundSmsTransition.Claim)] = OutboundSmsStatus.Sending,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.Claim)] = OutboundSmsStatus.Sending,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.Accept)] = OutboundSmsStatus.Sent,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.Fail)] = OutboundSmsStatus.Failed,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.RetryLater)] = OutboundSmsStatus.Queued,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.GiveUp)] = OutboundSmsStatus.Expired,
            [(OutboundSmsStatus.Failed, OutboundSmsTransition.Resend)] = OutboundSmsStatus.Queued,
            [(OutboundSmsStatus.Queued, OutboundSmsTransition.Report)] = OutboundSmsStatus.Delivered,
            [(OutboundSmsStatus.Sending, OutboundSmsTransition.Report)] = OutboundSmsStatus.Delivered,
            [(OutboundSmsStatus.Sent, OutboundSmsTransition.Report)] = OutboundSmsStatus.Delivered,
        };
        var table = new TheoryData<OutboundSmsStatus, OutboundSmsTransition, OutboundSmsStatus?>();
        foreach (var status in Enum.GetValues<OutboundSmsStatus>())
        {
            foreach (var transition in Enum.GetValues<OutboundSmsTransition>())
            {
                table.Add(status, transition, allowed.TryGetValue((status, transition), out var after) ? after : null);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Transitions_StatusAndMove_AllowedExactlyAsTheTableSays(OutboundSmsStatus status, OutboundSmsTransition transition,
        OutboundSmsStatus? after)
    {
        Assert.Equal(after is not null, OutboundSmsTransitions.Allows(status, transition));
        if (after is { } next)
        {
            Assert.Equal(next, OutboundSmsTransitions.To(transition,
                transition == OutboundSmsTransition.Report ? OutboundSmsStatus.Delivered : OutboundSmsStatus.Sent));
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Outbox_StatusAndMove_ChangesTheRowOnlyWhenAllowed(OutboundSmsStatus status, OutboundSmsTransition transition,
        OutboundSmsStatus? after)
    {
        var id = await AddMessageAsync(
            status, expired: transition == OutboundSmsTransition.Expire, claimedAt: Now.AddHours(-1),
                withProviderId: transition != OutboundSmsTransition.Claim);

        var moved = await MoveAsync(id, transition);

        Assert.Equal(after is not null, moved);
        Assert.Equal(after ?? status, await StatusOfAsync(id));
    }

    [Fact]
    public async Task Claim_BeingSentByALiveRun_Refused()
    {
        var id = await AddMessageAsync(OutboundSmsStatus.Sending, expired: false, claimedAt: Now.AddSeconds(-5), withProviderId: false);

        Assert.False(await _database.Outbox.ClaimAsync(id, Now, abandonedBefore: Now.AddMinutes(-5), SmsAccountNames.Primary,
            CancellationToken.None));
    }

    [Fact]
    public async Task Resend_Expired_Refused()
    {
        var id = await AddMessageAsync(OutboundSmsStatus.Failed, expired: true, claimedAt: null);

        Assert.False(await _database.Outbox.ResendAsync(id, CancellationToken.None));
        Assert.Equal(OutboundSmsStatus.Failed, await StatusOfAsync(id));
    }

    [Fact]
    public async Task ApplyReport_EarlierStatusAfterDelivered_Ignored()
    {
        var id = await AddMessageAsync(OutboundSmsStatus.Delivered, expired: false, claimedAt: null);

        Assert.Equal(SmsStatusUpdate.Ignored, await _database.Outbox.ApplyReportAsync(SmsAccountNames.Primary, ProviderId,
            OutboundSmsStatus.Sent, null, CancellationToken.None));
        Assert.Equal(OutboundSmsStatus.Delivered, await StatusOfAsync(id));
    }

    public void Dispose() => _database.Dispose();

    private async Task<bool> MoveAsync(Guid id, OutboundSmsTransition transition)
    {
        var outbox = _database.Outbox;
        var none = CancellationToken.None;
        return transition switch
        {
            OutboundSmsTransition.Expire => await outbox.ExpireAsync(id, Now, none),
            OutboundSmsTransition.Claim => await outbox.ClaimAsync(id, Now, Now.AddMinutes(-5), SmsAccountNames.Primary, none),
            OutboundSmsTransition.Accept => await outbox.AcceptAsync(id, OutboundSmsStatus.Sent, ProviderId + "-new", Now),
            OutboundSmsTransition.Fail => await outbox.FailAsync(id, "refused", SmsErrorClasses.Refused, Now),
            OutboundSmsTransition.RetryLater => await outbox.RetryLaterAsync(id, "busy", SmsErrorClasses.Throttled,
                Now.AddSeconds(30), Now),
            OutboundSmsTransition.GiveUp => await outbox.GiveUpAsync(id, "busy", SmsErrorClasses.Throttled, Now),
            OutboundSmsTransition.Resend => await outbox.ResendAsync(id, none),
            OutboundSmsTransition.Report => await outbox.ApplyReportAsync(SmsAccountNames.Primary, ProviderId,
                OutboundSmsStatus.Delivered, null, none) == SmsStatusUpdate.Moved,
            // The administrator's moves act on every held message; here there is one.
            OutboundSmsTransition.Release => await outbox.ReleaseHeldAsync(null, none) == 1,
            OutboundSmsTransition.Discard => await outbox.DiscardHeldAsync(null, none) == 1,
            _ => throw new ArgumentOutOfRangeException(nameof(transition)),
        };
    }

    private async Task<Guid> AddMessageAsync(OutboundSmsStatus status, bool expired, DateTime? claimedAt, bool withProviderId = true)
    {
        var message = new OutboundSms
        {
            Id = Guid.NewGuid(),
            Destination = MfaTestDatabase.Phone,
            Country = "US",
            Purpose = SmsPurposes.Test,
            ProtectedBody = "x",
            Status = status,
            // A claim is taken only of a message the provider has not got; a report finds its message by the provider's id.
            TwilioSid = withProviderId ? ProviderId : null,
            CreatedAt = Now.AddMinutes(-10),
            UpdatedAt = Now.AddMinutes(-10),
            NextAttemptAt = Now.AddMinutes(-10),
            ExpiresAt = expired ? Now : Now.AddMinutes(10),
            ClaimedAt = claimedAt,
        };
        _database.Context.Add(message);
        await _database.Context.SaveChangesAsync();
        _database.Context.ChangeTracker.Clear();
        return message.Id;
    }

    private async Task<OutboundSmsStatus> StatusOfAsync(Guid id)
    {
        using var context = _database.NewContext();
        return await context.Set<OutboundSms>().Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }
}
