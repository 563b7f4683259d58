using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// The events other systems subscribe to are the audit's events (<see cref="AuditEventCatalogue"/>), named for what
/// happened to what: an administrator disabling a user and SCIM doing it are both <c>user.disabled</c>. An audit type
/// not renamed here keeps its name. Several audit types may share an event type; <c>data.auditType</c> tells them
/// apart.
/// </summary>
public static class EventCatalogue
{
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        [AuditEventTypes.SignInLockedOut] = "user.locked-out",
        [AuditEventTypes.PhoneChanged] = "user.phone-changed",
        [AuditEventTypes.PhoneVerified] = "user.phone-verified",
        [AuditEventTypes.TwoStepEnabled] = "mfa.enrolled",
        [AuditEventTypes.AuthenticatorAdded] = "mfa.enrolled",
        [AuditEventTypes.PasskeyAdded] = "mfa.enrolled",
        [AuditEventTypes.TwoStepDisabled] = "mfa.removed",
        [AuditEventTypes.AuthenticatorRemoved] = "mfa.removed",
        [AuditEventTypes.PasskeyRemoved] = "mfa.removed",
        [AdminEventTypes.UserCreated] = "user.created",
        [AdminEventTypes.UsersImported] = "users.imported",
        [AdminEventTypes.UserChanged] = "user.changed",
        [AdminEventTypes.UserDisabled] = "user.disabled",
        [AdminEventTypes.UserEnabled] = "user.enabled",
        [AdminEventTypes.UserDeleted] = "user.deleted",
        [AdminEventTypes.UserUnlocked] = "user.unlocked",
        [AdminEventTypes.UserMfaReset] = "user.mfa-reset",
        [AdminEventTypes.UserPasskeysRemoved] = "user.passkeys-removed",
        [AdminEventTypes.UserSessionsEnded] = "user.sessions-ended",
        [AdminEventTypes.UserTemporaryPasswordSet] = "user.temporary-password-set",
        [AdminEventTypes.UserRequiredActionsChanged] = "user.required-actions-changed",
        [AdminEventTypes.ApplicationCreated] = "application.created",
        [AdminEventTypes.ApplicationChanged] = "application.changed",
        [AdminEventTypes.ApplicationSecretRotated] = "application.secret-rotated",
        [AdminEventTypes.ApplicationDeleted] = "application.deleted",
        [AdminEventTypes.RegistrationTokenIssued] = "application.registration-token-issued",
        [AdminEventTypes.RegistrationTokenRevoked] = "application.registration-token-revoked",
        [AdminEventTypes.TokenKeysRotated] = "keys.rotated",
        [AdminEventTypes.TokenKeyRevoked] = "keys.revoked",
        [AdminEventTypes.PolicyCreated] = "policy.created",
        [AdminEventTypes.PolicyChanged] = "policy.changed",
        [AdminEventTypes.PolicyDeleted] = "policy.deleted",
        [AdminEventTypes.SmsFactorChanged] = "sms.settings-changed",
        [AdminEventTypes.SmsTemplateChanged] = "sms.template-changed",
        [AdminEventTypes.TestSmsSent] = "sms.test-sent",
        [AdminEventTypes.MessageRetried] = "sms.resent",
        [AdminEventTypes.SmsFraudGuardChanged] = "sms.fraud-guard-changed",
        [AdminEventTypes.HeldSmsReleased] = "sms.held-released",
        [AdminEventTypes.HeldSmsDiscarded] = "sms.held-discarded",
        [AdminEventTypes.AuthenticatorFactorChanged] = "mfa.settings-changed",
        [AdminEventTypes.IdentityProviderCreated] = "identity-provider.created",
        [AdminEventTypes.IdentityProviderChanged] = "identity-provider.changed",
        [AdminEventTypes.WebhookCreated] = "webhook.created",
        [AdminEventTypes.WebhookChanged] = "webhook.changed",
        [AdminEventTypes.WebhookDeleted] = "webhook.deleted",
        [AdminEventTypes.WebhookTested] = "webhook.test",
        [AdminEventTypes.WebhookRedelivered] = "webhook.redelivered",
    };

    /// <summary>Every event type, sorted.</summary>
    public static IReadOnlyList<string> Types { get; } =
        AuditEventCatalogue.Types.Select(TypeOf).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static string TypeOf(string auditType) => Renamed.GetValueOrDefault(auditType, auditType);

    /// <summary>The audit types reported under <paramref name="eventType"/>.</summary>
    public static IEnumerable<string> AuditTypesOf(string eventType) =>
        AuditEventCatalogue.Types.Where(auditType => TypeOf(auditType) == eventType);
}
