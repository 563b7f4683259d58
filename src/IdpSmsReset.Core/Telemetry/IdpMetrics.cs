using System.Diagnostics.Metrics;

namespace IdpSmsReset.Core.Telemetry;

/// <summary>
/// The product's own instruments, on the <c>IdpSmsReset</c> meter. Every label is a small fixed set (a grant type, a
/// registered client id, an OAuth error, a step, an outcome, an SMS purpose or status): never a user name, a phone
/// number, a code or an address.
/// </summary>
public sealed class IdpMetrics
{
    public const string MeterName = "IdpSmsReset";

    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _tokenRequestsRefused;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _secondFactors;
    private readonly Counter<long> _resetSteps;
    private readonly Counter<long> _sms;
    private readonly Histogram<double> _twilioDuration;
    private readonly Histogram<double> _smsLatency;
    private readonly Counter<long> _backchannelLogouts;
    private readonly Counter<long> _jobFailures;
    private readonly Counter<long> _smsBreaker;
    private readonly Counter<long> _smsFailovers;
    private readonly Counter<long> _smsHeld;
    private readonly Counter<long> _smsFraudAlerts;
    private readonly Counter<long> _events;
    private long _outboxQueued;
    private long _outboxSending;

    public IdpMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _tokensIssued = meter.CreateCounter<long>("idp.tokens.issued", "{token response}",
            "Token responses issued, by grant type and client.");
        _tokenRequestsRefused = meter.CreateCounter<long>("idp.token_requests.refused", "{request}",
            "Token requests refused, by OAuth error.");
        _signIns = meter.CreateCounter<long>("idp.sign_ins", "{attempt}",
            "Sign-ins, by result; through another identity provider, by provider too.");
        _secondFactors = meter.CreateCounter<long>("idp.second_factor.checks", "{check}",
            "Second-factor codes checked, by method and result.");
        _resetSteps = meter.CreateCounter<long>("idp.password_reset.steps", "{step}", "Forgot-password steps, by step and outcome.");
        _sms = meter.CreateCounter<long>("idp.sms", "{message}", "SMS outcomes, by purpose and status.");
        _twilioDuration = meter.CreateHistogram<double>("idp.twilio.duration", "s", "How long Twilio took to answer a send.");
        _smsLatency = meter.CreateHistogram<double>("idp.sms.latency", "s", "From an SMS queued to Twilio accepting it.");
        _backchannelLogouts = meter.CreateCounter<long>("idp.backchannel_logout.deliveries", "{attempt}",
            "Back-channel logout attempts, by outcome.");
        _jobFailures = meter.CreateCounter<long>("idp.jobs.failed", "{job}", "Background jobs that threw, by job.");
        _smsBreaker = meter.CreateCounter<long>("idp.sms.breaker", "{transition}",
            "An SMS account's circuit breaker opening or closing, by account and transition.");
        _smsFailovers = meter.CreateCounter<long>("idp.sms.failovers", "{message}",
            "Messages sent through another account than the one preferred, by the account they went through.");
        _smsHeld = meter.CreateCounter<long>("idp.sms.held", "{message}",
            "SMS held by the fraud guard, by purpose and the kind of budget spent (prefix, country, total).");
        _smsFraudAlerts = meter.CreateCounter<long>("idp.sms.fraud_alerts", "{alert}",
            "Fraud guard alerts raised: a budget spent or a country's surge.");
        _events = meter.CreateCounter<long>("idp.events", "{event}",
            "Domain events committed (each audit event raised), by type and outcome.");
        meter.CreateObservableGauge("idp.outbox.depth", () => new Measurement<long>[]
        {
            new(Interlocked.Read(ref _outboxQueued), new KeyValuePair<string, object?>("status", "queued")),
            new(Interlocked.Read(ref _outboxSending), new KeyValuePair<string, object?>("status", "sending")),
        }, "{message}", "SMS waiting in the outbox, as the sweeper last counted them.");
    }

    /// <summary>What the outbox held when the sweeper last looked (every minute), for the depth gauge.</summary>
    public void OutboxDepth(long queued, long sending)
    {
        Interlocked.Exchange(ref _outboxQueued, queued);
        Interlocked.Exchange(ref _outboxSending, sending);
    }

    public void SmsBreaker(string account, string transition) => _smsBreaker.Add(1, new("account", account), new("transition", transition));

    public void SmsFailover(string toAccount) => _smsFailovers.Add(1, new KeyValuePair<string, object?>("account", toAccount));

    /// <summary>A background job that threw (Hangfire then retries it or not, as the job says).</summary>
    public void JobFailed(string job) => _jobFailures.Add(1, new KeyValuePair<string, object?>("job", job));

    public void TokenIssued(string? grantType, string? clientId) =>
        _tokensIssued.Add(1, new("grant_type", grantType ?? "unknown"), new("client_id", clientId ?? "unknown"));

    public void TokenRequestRefused(string error) => _tokenRequestsRefused.Add(1, new KeyValuePair<string, object?>("error", error));

    /// <param name="result">success, mfa_required, wrong_password, locked, not_allowed, unknown_account.</param>
    public void SignIn(string result) => _signIns.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>A sign-in through the outside identity provider <paramref name="provider"/> (an administrator's name:
    /// as few values as there are providers).</summary>
    public void FederatedSignIn(string provider, string result) => _signIns.Add(1,
        new KeyValuePair<string, object?>("result", result), new KeyValuePair<string, object?>("provider", provider));

    public void SecondFactorChecked(string method, string result) =>
        _secondFactors.Add(1, new("method", method), new("result", result));

    /// <param name="step">requested, code_requested, code_sent, code_not_sent, code_checked, completed.</param>
    public void ResetStep(string step, string outcome) => _resetSteps.Add(1, new("step", step), new("outcome", outcome));

    /// <param name="errorClass">One of <see cref="Messaging.SmsErrorClasses"/>; null (label <c>none</c>) when it went.</param>
    public void Sms(string purpose, string status, string? errorClass) =>
        _sms.Add(1, new("purpose", purpose), new("status", status), new("error_class", errorClass ?? "none"));

    public void TwilioAnswered(TimeSpan duration, string outcome) =>
        _twilioDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void SmsAccepted(string purpose, TimeSpan sinceQueued) =>
        _smsLatency.Record(sinceQueued.TotalSeconds, new KeyValuePair<string, object?>("purpose", purpose));

    public void BackchannelLogout(string outcome) => _backchannelLogouts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void SmsHeld(string purpose, string budget) => _smsHeld.Add(1, new("purpose", purpose), new("budget", budget));

    /// <param name="kind"><c>budget</c> or <c>surge</c>.</param>
    public void EventRaised(string type, string outcome) => _events.Add(1, new("type", type), new("outcome", outcome));

    public void SmsFraudAlert(string kind) => _smsFraudAlerts.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
