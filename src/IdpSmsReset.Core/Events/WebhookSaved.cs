using IdpSmsReset.Core.Administration;

namespace IdpSmsReset.Core.Events;

/// <summary>A save's answer, and the secret the server made for it, to be shown once (null when none was made).</summary>
public sealed record WebhookSaved(CommandResult Result, string? NewSecret);
