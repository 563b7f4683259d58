using System.Collections.Concurrent;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// A Polly circuit breaker per account, around each send. This instance's breaker counts what this instance sees; when
/// it opens or closes it says so in <see cref="SmsAccountHealth"/> (and the audit log), which every instance reads
/// before choosing an account, so all of them move to the other account together and come back together.
/// </summary>
public sealed class SmsAccountBreakers(IOptions<SmsBreakerOptions> options, TimeProvider time, IServiceScopeFactory scopes,
    IdpMetrics metrics, ILogger<SmsAccountBreakers> logger)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<SmsSendResult>> _pipelines = new();

    /// <summary>Sends through <paramref name="account"/>'s breaker; an open breaker answers without sending.</summary>
    public async Task<SmsSendResult> SendAsync(string account, Func<CancellationToken, Task<SmsSendResult>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _pipelines.GetOrAdd(account, Build)
                .ExecuteAsync(async token => await send(token), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return new SmsSendResult.Transient($"The {account} account's circuit breaker is open: not tried.", SmsErrorClasses.CircuitOpen);
        }
    }

    /// <summary>Whether <paramref name="account"/>'s breaker, on any instance, opened less than the break ago.</summary>
    public static bool IsOpen(SmsAccountHealth? health, DateTime now, TimeSpan breakDuration) =>
        health?.OpenedAt is { } opened && now < opened + breakDuration;

    private ResiliencePipeline<SmsSendResult> Build(string account)
    {
        var settings = options.Value;
        return new ResiliencePipelineBuilder<SmsSendResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SmsSendResult>
            {
                MinimumThroughput = settings.MinimumSends,
                FailureRatio = settings.FailureRatio,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result is SmsSendResult.Transient transient
                    && transient.ErrorClass is SmsErrorClasses.ProviderError or SmsErrorClasses.Throttled or SmsErrorClasses.Unreachable
                        or SmsErrorClasses.AccountUnavailable),
                OnOpened = arguments => new ValueTask(RecordAsync(account, opened: true,
                    (arguments.Outcome.Result as SmsSendResult.Transient)?.Reason)),
                OnClosed = _ => new ValueTask(RecordAsync(account, opened: false, reason: null)),
            })
            .Build();
    }

    /// <summary>Says a transition; failing to say it must not lose the answer of the send that caused it.</summary>
    private async Task RecordAsync(string account, bool opened, string? reason)
    {
        try
        {
            await RecordCoreAsync(account, opened, reason);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.SmsBreakerNotRecorded(account, opened ? "opened" : "closed", exception.GetType().Name);
        }
    }

    private async Task RecordCoreAsync(string account, bool opened, string? reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var health = await database.Set<SmsAccountHealth>().SingleOrDefaultAsync(h => h.Account == account)
            ?? database.Add(new SmsAccountHealth { Account = account }).Entity;
        if (opened)
        {
            health.OpenedAt = now;
            health.LastFailure = reason is null ? null : PhoneNumberRules.MaskNumbersIn(reason);
        }
        else
        {
            health.OpenedAt = null;
            health.ClosedAt = now;
        }

        await database.SaveChangesAsync();
        metrics.SmsBreaker(account, opened ? "opened" : "closed");
        if (opened)
        {
            logger.SmsBreakerOpened(account, options.Value.BreakDuration, health.LastFailure);
        }
        else
        {
            logger.SmsBreakerClosed(account);
        }

        await scope.ServiceProvider.GetRequiredService<AuditLog>().RaiseAsync(
            opened ? AuditEventTypes.SmsBreakerOpened : AuditEventTypes.SmsBreakerClosed, AuditActors.System, null, null,
            opened ? $"The {account} Twilio account failed: messages go through the other account, if one is set, for"
                + $" {options.Value.BreakDuration} before a probe. Last failure: {health.LastFailure}"
            : $"The {account} Twilio account answered again: messages go through it.", CancellationToken.None);
    }
}
