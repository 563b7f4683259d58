using IdpSmsReset.Core.Messaging;

namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:Sms</c> section: the Twilio client, the sandbox, the circuit breaker, and recovery.</summary>
public sealed class SmsSettings
{
    public const string SectionName = "Idp:Sms";

    /// <summary><c>Idp:Sms:RecoverAfter</c>: see <see cref="SmsOptions.RecoverAfter"/>, which holds its default and range.</summary>
    public TimeSpan RecoverAfter { get; set; } = new SmsOptions().RecoverAfter;

    public TwilioOptions Twilio { get; set; } = new();

    public SmsSandboxOptions Sandbox { get; set; } = new();

    public SmsBreakerOptions Breaker { get; set; } = new();

    public Core.Messaging.FraudGuard.SmsFraudGuardOptions FraudGuard { get; set; } = new();
}
