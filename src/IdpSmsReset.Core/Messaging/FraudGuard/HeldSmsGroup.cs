namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>The messages one spent budget (<see cref="Scope"/>) holds, for an administrator to release or discard together.</summary>
public sealed record HeldSmsGroup(string Scope, int Messages, DateTime FirstHeldAt, DateTime LastExpiresAt)
{
    public string Description => SmsScopes.Describe(Scope);
}
