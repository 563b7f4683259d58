using IdpSmsReset.Core.Recovery;

namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:PasswordReset</c> section: the limits across accounts (the per-user ones are the policy's).</summary>
public sealed class PasswordResetSettings
{
    public const string SectionName = "Idp:PasswordReset";

    public PasswordResetLimits Limits { get; set; } = new();
}
