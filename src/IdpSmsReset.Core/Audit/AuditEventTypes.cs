namespace IdpSmsReset.Core.Audit;

/// <summary>The audit's event types (with <c>AdminEventTypes</c>, the catalogue: <see cref="AuditEventCatalogue"/>).</summary>
public static class AuditEventTypes
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string FederatedSignInSucceeded = "federation.sign-in-succeeded";
    public const string FederatedSignInFailed = "federation.sign-in-failed";
    public const string FederatedUserProvisioned = "federation.user-provisioned";
    public const string FederatedLinkAdded = "federation.link-added";
    public const string FederatedLinkRemoved = "federation.link-removed";
    public const string SecondFactorSucceeded = "second-factor.succeeded";
    public const string SecondFactorFailed = "second-factor.failed";
    public const string TwoStepEnabled = "two-step.enabled";
    public const string TwoStepDisabled = "two-step.disabled";
    public const string ConsentGranted = "consent.granted";
    public const string ConsentDenied = "consent.denied";
    public const string ConsentRevoked = "consent.revoked";

    public const string PasswordResetRequested = "password-reset.requested";
    public const string PasswordResetCodeSent = "password-reset.code-sent";
    public const string PasswordResetCodeNotSent = "password-reset.code-not-sent";
    public const string PasswordResetCodeFailed = "password-reset.code-failed";
    public const string PasswordResetLocked = "password-reset.locked";
    public const string PasswordResetCompleted = "password-reset.completed";
    public const string PasswordResetIssuedByAdministrator = "password-reset.issued-by-administrator";
    public const string PasswordResetSuspended = "password-reset.suspended";
    public const string PasswordResetSuspensionLifted = "password-reset.suspension-lifted";

    public const string DeviceUserCodeWrong = "device.user-code-wrong";
    public const string DeviceApproved = "device.approved";
    public const string DeviceDenied = "device.denied";
    public const string SmsBreakerOpened = "sms.breaker-opened";
    public const string SmsBreakerClosed = "sms.breaker-closed";
    public const string SmsFailover = "sms.failover";
    public const string SmsFailed = "sms.failed";
    public const string SmsFraudSuspected = "sms.fraud-suspected";
    public const string WebhookDisabled = "webhook.disabled";
    public const string PasswordChanged = "password.changed";
    public const string PhoneVerified = "phone.verified";
    public const string PhoneChanged = "phone.changed";
    public const string AuthenticatorAdded = "authenticator.added";
    public const string AuthenticatorRemoved = "authenticator.removed";
    public const string RecoveryCodesGenerated = "recovery-codes.generated";
    public const string RecoveryCodeUsed = "recovery-code.used";
    public const string SessionEnded = "session.ended";
    public const string RequiredActionCompleted = "required-action.completed";
    public const string FirstAdministratorCreated = "admin.first-administrator-created";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string TokenExchanged = "token.exchanged";
    public const string TokenExchangeRefused = "token.exchange-refused";
}
