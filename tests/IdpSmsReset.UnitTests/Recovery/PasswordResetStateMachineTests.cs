using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.UnitTests.Mfa;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.UnitTests.Recovery;

/// <summary>
/// The reset flow's transition table, and that <see cref="PasswordResetStateMachine"/> makes every move the table forbids
/// impossible: each (state, transition) pair is tried against a real database.
/// </summary>
public sealed class PasswordResetStateMachineTests : IDisposable
{
    private readonly MfaTestDatabase _database = new();

    private DateTime Now => _database.Time.GetUtcNow().UtcDateTime;

    public static TheoryData<PasswordResetState, PasswordResetTransition, PasswordResetState?> Table()
    {
        // state, transition, state after (null: not allowed)
        var table = new TheoryData<PasswordResetState, PasswordResetTransition, PasswordResetState?>();
        var allowed = new Dictionary<(PasswordResetState, PasswordResetTransition), PasswordResetState>
        {
            [(PasswordResetState.Started, PasswordResetTransition.RequestCode)] = PasswordResetState.CodeSent,
            [(PasswordResetState.CodeSent, PasswordResetTransition.RequestCode)] = PasswordResetState.CodeSent,
            [(PasswordResetState.CodeSent, PasswordResetTransition.RecordCodeSent)] = PasswordResetState.CodeSent,
            [(PasswordResetState.CodeSent, PasswordResetTransition.TryCode)] = PasswordResetState.CodeSent,
            [(PasswordResetState.CodeSent, PasswordResetTransition.Verify)] = PasswordResetState.Verified,
            [(PasswordResetState.CodeSent, PasswordResetTransition.Lock)] = PasswordResetState.Locked,
            [(PasswordResetState.Verified, PasswordResetTransition.Complete)] = PasswordResetState.Completed,
            [(PasswordResetState.Started, PasswordResetTransition.Expire)] = PasswordResetState.Expired,
            [(PasswordResetState.CodeSent, PasswordResetTransition.Expire)] = PasswordResetState.Expired,
            [(PasswordResetState.Verified, PasswordResetTransition.Expire)] = PasswordResetState.Expired,
        };
        foreach (var state in Enum.GetValues<PasswordResetState>())
        {
            foreach (var transition in Enum.GetValues<PasswordResetTransition>())
            {
                table.Add(state, transition, allowed.TryGetValue((state, transition), out var after) ? after : null);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Transitions_StateAndMove_AllowedExactlyAsTheTableSays(PasswordResetState state, PasswordResetTransition transition,
        PasswordResetState? after)
    {
        Assert.Equal(after is not null, PasswordResetTransitions.Allows(state, transition));
        if (after is { } next)
        {
            Assert.Equal(next, PasswordResetTransitions.To(transition));
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Flows_StateAndMove_ChangesTheRowOnlyWhenAllowed(PasswordResetState state, PasswordResetTransition transition,
        PasswordResetState? after)
    {
        var flow = await AddFlowAsync(state,
            expiresIn: transition == PasswordResetTransition.Expire ? TimeSpan.Zero : TimeSpan.FromMinutes(10));

        var moved = await MoveAsync(flow, transition);

        Assert.Equal(after is not null, moved);
        Assert.Equal(after ?? state, (await ReadAsync(flow.Id)).State);
    }

    [Theory]
    [InlineData(PasswordResetTransition.RequestCode)]
    [InlineData(PasswordResetTransition.TryCode)]
    [InlineData(PasswordResetTransition.Verify)]
    [InlineData(PasswordResetTransition.Lock)]
    public async Task Flows_LifetimeOver_NoMoveButExpire(PasswordResetTransition transition)
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, expiresIn: TimeSpan.Zero);

        Assert.False(await MoveAsync(flow, transition));
        Assert.Equal(PasswordResetState.CodeSent, (await ReadAsync(flow.Id)).State);
    }

    [Fact]
    public async Task Verify_TwoRequestsAtOnce_OneMovesTheFlow()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10));
        using var other = _database.NewContext();

        var results = await Task.WhenAll(
            new PasswordResetStateMachine(_database.Context).VerifyAsync(flow.Id, flow.ChallengeId!.Value, Now, CancellationToken.None),
            new PasswordResetStateMachine(other).VerifyAsync(flow.Id, flow.ChallengeId!.Value, Now, CancellationToken.None));

        Assert.Single(results, moved => moved);
    }

    [Fact]
    public async Task TryCode_NoAttemptLeft_Refused()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10), attempts: 3);

        Assert.False(await new PasswordResetStateMachine(_database.Context).TryCodeAsync(flow.Id, Now, CancellationToken.None));
    }

    [Fact]
    public async Task RequestCode_WithinCooldown_Refused()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10), requestedAt: Now.AddSeconds(-10));

        Assert.False(await new PasswordResetStateMachine(_database.Context).RequestCodeAsync(flow, Now, CancellationToken.None));
    }

    [Fact]
    public async Task RecordCodeSent_NewerRequestMeanwhile_CodeNotKept()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10), requestedAt: Now);

        var kept = await new PasswordResetStateMachine(_database.Context).RecordCodeSentAsync(
            flow.Id, Now.AddSeconds(-61), SentCode, Now, CancellationToken.None);

        Assert.False(kept);
        Assert.Null((await ChallengeOfAsync(flow.Id)).CodeHash);
    }

    [Fact]
    public async Task RequestCode_AfterACodeWasSent_OldCodeReplacedAndTheNewChallengeHoldsNone()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10), attempts: 2);
        var flows = new PasswordResetStateMachine(_database.Context);
        Assert.True(await flows.RecordCodeSentAsync(flow.Id, flow.CodeRequestedAt!.Value, SentCode, Now, CancellationToken.None));

        Assert.True(await flows.RequestCodeAsync(flow, Now, CancellationToken.None));

        var old = await ChallengeAsync(flow.ChallengeId!.Value);
        var current = await ChallengeOfAsync(flow.Id);
        Assert.Equal((SmsChallengeClosure?)SmsChallengeClosure.Replaced, old.Closure);
        Assert.NotEqual(old.Id, current.Id);
        Assert.Equal((0, (byte[]?)null, (DateTime?)null), (current.Attempts, current.CodeHash, current.ClosedAt));
    }

    [Fact]
    public async Task TryCode_ChallengeHoldingNoCode_AttemptsCountedAllTheSame()
    {
        var flow = await AddFlowAsync(PasswordResetState.CodeSent, TimeSpan.FromMinutes(10));
        var flows = new PasswordResetStateMachine(_database.Context);

        var taken = new List<bool>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            taken.Add(await flows.TryCodeAsync(flow.Id, Now, CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], taken);
        Assert.Null((await ChallengeOfAsync(flow.Id)).CodeHash);
    }

    [Fact]
    public async Task Complete_VerifiedTooLongAgo_Refused()
    {
        var flow = await AddFlowAsync(PasswordResetState.Verified, TimeSpan.FromMinutes(10));

        Assert.False(await new PasswordResetStateMachine(_database.Context).CompleteAsync(flow.Id, verifiedAfter: Now, Now,
            CancellationToken.None));
    }

    public void Dispose() => _database.Dispose();

    private Task<bool> MoveAsync(PasswordResetFlow flow, PasswordResetTransition transition)
    {
        var flows = new PasswordResetStateMachine(_database.Context);
        var none = CancellationToken.None;
        return transition switch
        {
            PasswordResetTransition.RequestCode => flows.RequestCodeAsync(flow, Now, none),
            PasswordResetTransition.RecordCodeSent => flows.RecordCodeSentAsync(flow.Id, flow.CodeRequestedAt!.Value, SentCode, Now, none),
            PasswordResetTransition.TryCode => flows.TryCodeAsync(flow.Id, Now, none),
            PasswordResetTransition.Verify => flows.VerifyAsync(flow.Id, flow.ChallengeId!.Value, Now, none),
            PasswordResetTransition.Complete => flows.CompleteAsync(flow.Id, Now.AddMinutes(-5), Now, none),
            PasswordResetTransition.Lock => flows.LockAsync(flow.Id, flow.ChallengeId!.Value, Now, none),
            PasswordResetTransition.Expire => ExpireAsync(flows),
            _ => throw new ArgumentOutOfRangeException(nameof(transition)),
        };
    }

    private async Task<bool> ExpireAsync(PasswordResetStateMachine flows) => await flows.ExpireAsync(Now, CancellationToken.None) == 1;

    private async Task<PasswordResetFlow> AddFlowAsync(PasswordResetState state, TimeSpan expiresIn, int attempts = 0,
        DateTime? requestedAt = null)
    {
        var flow = new PasswordResetFlow
        {
            Id = Guid.NewGuid(),
            UserId = MfaTestDatabase.UserId,
            State = state,
            CreatedAt = Now.AddMinutes(-5),
            ExpiresAt = Now + expiresIn,
            CodeLength = 6,
            CodeLifetimeMinutes = 5,
            MaxAttempts = 3,
            ChallengeId = Guid.NewGuid(),
            ResendCooldownSeconds = 60,
            CodeRequestedAt = requestedAt ?? Now.AddMinutes(-2),
            VerifiedAt = state == PasswordResetState.Verified ? Now.AddMinutes(-1) : null,
        };
        _database.Context.Add(flow);
        _database.Context.Add(new SmsChallenge
        {
            Id = flow.ChallengeId.Value, FlowId = flow.Id, UserId = flow.UserId, Purpose = SmsPurposes.PasswordReset,
            CreatedAt = flow.CodeRequestedAt.Value, ExpiresAt = flow.ExpiresAt, Attempts = attempts,
        });
        await _database.Context.SaveChangesAsync();
        _database.Context.ChangeTracker.Clear();
        return flow;
    }

    private SentCode SentCode => new([1], [2], "+14155550100", Now.AddMinutes(5));

    private async Task<SmsChallenge> ChallengeAsync(Guid id)
    {
        using var context = _database.NewContext();
        return await context.Set<SmsChallenge>().AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<SmsChallenge> ChallengeOfAsync(Guid flowId) => await ChallengeAsync((await ReadAsync(flowId)).ChallengeId!.Value);

    private async Task<PasswordResetFlow> ReadAsync(Guid id)
    {
        using var context = _database.NewContext();
        return await context.Set<PasswordResetFlow>().AsNoTracking().SingleAsync(f => f.Id == id);
    }
}
