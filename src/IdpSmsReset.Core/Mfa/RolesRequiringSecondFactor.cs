namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// Roles whose members show a second factor at every sign-in, whatever their policy says: the host names the
/// administrators' role here when the dashboard requires MFA.
/// </summary>
public sealed class RolesRequiringSecondFactor(IEnumerable<string> roles)
{
    public static readonly RolesRequiringSecondFactor None = new([]);

    /// <summary>Upper-cased, as Identity keeps role names for look-ups.</summary>
    public IReadOnlyList<string> NormalizedNames { get; } = [.. roles.Select(role => role.ToUpperInvariant())];
}
