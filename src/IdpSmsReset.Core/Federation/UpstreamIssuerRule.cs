namespace IdpSmsReset.Core.Federation;

/// <summary>Whether an upstream issuer may be plain <c>http</c> on a loopback address: in Development only (a test's
/// upstream on this machine), set by the host from its environment, never from a setting.</summary>
public sealed record UpstreamIssuerRule(bool AllowLoopbackHttp);
