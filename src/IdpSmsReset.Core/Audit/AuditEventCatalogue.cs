using System.Reflection;
using IdpSmsReset.Core.Administration;

namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Every event type the audit writes, and each one's outcome: what the dashboard's filter offers, what the export
/// writes beside each event, what README's schema lists.
/// </summary>
public static class AuditEventCatalogue
{
    public const string Success = "success";

    public const string Failure = "failure";

    /// <summary>Attempts that were refused or went wrong; every other event records something that was done.</summary>
    private static readonly HashSet<string> Failures =
    [
        AuditEventTypes.SignInFailed, AuditEventTypes.SignInLockedOut, AuditEventTypes.SecondFactorFailed,
        AuditEventTypes.PasswordResetCodeFailed, AuditEventTypes.PasswordResetLocked, AuditEventTypes.PasswordResetCodeNotSent,
        AuditEventTypes.PasswordResetSuspended, AuditEventTypes.DeviceUserCodeWrong, AuditEventTypes.TokenExchangeRefused,
        AuditEventTypes.SmsBreakerOpened, AuditEventTypes.FederatedSignInFailed, AuditEventTypes.SmsFailed,
        AuditEventTypes.WebhookDisabled, AuditEventTypes.SmsFraudSuspected,
    ];

    /// <summary>All types, sorted.</summary>
    public static IReadOnlyList<string> Types { get; } =
        new[] { typeof(AuditEventTypes), typeof(AdminEventTypes) }
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static bool Contains(string type) => Types.Contains(type, StringComparer.Ordinal);

    public static string OutcomeOf(string type) => Failures.Contains(type) ? Failure : Success;
}
