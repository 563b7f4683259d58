namespace IdpSmsReset.Core.Administration;

/// <summary>The audit event types of administrators' changes.</summary>
public static class AdminEventTypes
{
    public const string PolicyCreated = "admin.policy-created";
    public const string PolicyChanged = "admin.policy-changed";
    public const string PolicyDeleted = "admin.policy-deleted";
    public const string SmsFactorChanged = "admin.sms-factor-changed";
    public const string TestSmsSent = "admin.test-sms-sent";
    public const string SmsFraudGuardChanged = "admin.sms-fraud-guard-changed";
    public const string HeldSmsReleased = "admin.held-sms-released";
    public const string HeldSmsDiscarded = "admin.held-sms-discarded";
    public const string SmsTemplateChanged = "admin.sms-template-changed";
    public const string AuthenticatorFactorChanged = "admin.authenticator-factor-changed";
    public const string UserChanged = "admin.user-changed";
    public const string UserCreated = "admin.user-created";
    public const string UsersImported = "admin.users-imported";
    public const string UserUnlocked = "admin.user-unlocked";
    public const string UserMfaReset = "admin.user-mfa-reset";
    public const string UserPasskeysRemoved = "admin.user-passkeys-removed";
    public const string UserSessionsEnded = "admin.user-sessions-ended";
    public const string UserDisabled = "admin.user-disabled";
    public const string UserEnabled = "admin.user-enabled";
    public const string UserDeleted = "admin.user-deleted";
    public const string UserTemporaryPasswordSet = "admin.user-temporary-password-set";
    public const string UserRequiredActionsChanged = "admin.user-required-actions-changed";
    public const string MessageRetried = "admin.message-retried";
    public const string ApplicationCreated = "admin.application-created";
    public const string ApplicationChanged = "admin.application-changed";
    public const string ApplicationSecretRotated = "admin.application-secret-rotated";
    public const string ApplicationDeleted = "admin.application-deleted";
    public const string RegistrationTokenIssued = "admin.registration-token-issued";
    public const string RegistrationTokenRevoked = "admin.registration-token-revoked";
    public const string TokenKeysRotated = "admin.token-keys-rotated";
    public const string TokenKeyRevoked = "admin.token-key-revoked";
    public const string IdentityProviderCreated = "admin.identity-provider-created";
    public const string IdentityProviderChanged = "admin.identity-provider-changed";
    public const string WebhookCreated = "admin.webhook-created";
    public const string WebhookChanged = "admin.webhook-changed";
    public const string WebhookDeleted = "admin.webhook-deleted";
    public const string WebhookTested = "admin.webhook-tested";
    public const string WebhookRedelivered = "admin.webhook-redelivered";
}
