namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The bootstrap file cannot be applied; the message names the entry and the field.</summary>
public sealed class BootstrapException(string message, Exception? inner = null) : Exception(message, inner);
