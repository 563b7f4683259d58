using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// The token lifetimes an application may choose. An access token cannot be recalled from a resource server that
/// validates it offline, so it stays under a day; a refresh token must not outlive the signing keys kept to read it
/// back (<c>Idp:Keys:RetainAfter</c>, at least 15 days), so it stays within the server's 14 days.
/// </summary>
public static class TokenLifetimes
{
    public static readonly TokenLifetime AccessToken = new("accessTokenLifetime", Settings.TokenLifetimes.AccessToken,
        application => application.AccessTokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), "minute");

    public static readonly TokenLifetime IdentityToken = new("identityTokenLifetime", Settings.TokenLifetimes.IdentityToken,
        application => application.IdentityTokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), "minute");

    public static readonly TokenLifetime RefreshToken = new("refreshTokenLifetime", Settings.TokenLifetimes.RefreshToken,
        application => application.RefreshTokenLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(14), TimeSpan.FromHours(1), "hour");

    public static readonly IReadOnlyList<TokenLifetime> All = [AccessToken, IdentityToken, RefreshToken];
}

/// <summary>
/// One token lifetime an application may set: its field in the bootstrap file, OpenIddict's application setting that
/// carries it, its bounds, and the unit it is given in (the dashboard's unit too, so a value it shows is exactly the
/// value stored). See <see cref="TokenLifetimes"/> for each.
/// </summary>
public sealed record TokenLifetime(
    string Field, string Setting, Func<ApplicationDefinition, TimeSpan?> Of, TimeSpan Min, TimeSpan Max, TimeSpan Unit, string UnitName)
{
    /// <summary>What is wrong with the application's value, in words for the bootstrap file and the dashboard alike.</summary>
    public string? ProblemOf(ApplicationDefinition application) => Of(application) switch
    {
        null => null,
        var value when value < Min || value > Max => $"must be between {Words(Min)} and {Words(Max)}.",
        var value when value.Value.Ticks % Unit.Ticks != 0 => $"must be a whole number of {UnitName}s.",
        _ => null,
    };

    /// <summary>A count of units as typed; one too large for a lifetime counts as the longest, which the bounds refuse.</summary>
    public TimeSpan? FromCount(int? count) => count switch
    {
        null => null,
        > 0 when count > TimeSpan.MaxValue.Ticks / Unit.Ticks => TimeSpan.MaxValue,
        < 0 when -count > TimeSpan.MaxValue.Ticks / Unit.Ticks => TimeSpan.MinValue,
        _ => Unit * count.Value,
    };

    public int? CountOf(TimeSpan? lifetime) => lifetime is { } value ? (int)(value.Ticks / Unit.Ticks) : null;

    private string Words(TimeSpan span)
    {
        var (count, unit) = span.Ticks % TimeSpan.TicksPerDay == 0 ? (span.TotalDays, "day")
            : span.Ticks % TimeSpan.TicksPerHour == 0 ? (span.TotalHours, "hour")
            : (span.TotalMinutes, "minute");
        return count == 1 ? $"1 {unit}" : $"{count:0} {unit}s";
    }
}
