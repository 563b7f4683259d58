namespace IdpSmsReset.Core.Events;

/// <summary>This server as the CloudEvents <c>source</c> of its events: its issuer.</summary>
public sealed record EventOrigin(Uri Issuer);
