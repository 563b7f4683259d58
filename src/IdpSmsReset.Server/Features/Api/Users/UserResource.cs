using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Server.Features.Api.Users;

/// <summary>A user as the API shows it: the bootstrap file's field names, and what an administrator sees on the dashboard.</summary>
public sealed record UserResource(
    string Id,
    string UserName,
    string? DisplayName,
    string? Email,
    string? PhoneNumber,
    string? Policy,
    IReadOnlyList<string> Roles,
    bool Disabled,
    bool LockedOut,
    IReadOnlyList<string> RequiredActions,
    IReadOnlyDictionary<string, string> Attributes)
{
    public static UserResource Of(ApplicationUser user, string? policy, bool administrator, DateTimeOffset now) => new(
        user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.PhoneNumber, policy,
        administrator ? [Core.Administration.UserAdministration.AdministratorRole] : [], user.DisabledAt is not null,
        user.LockoutEnd > now, Core.SignIn.RequiredActions.Of(user),
        user.Attributes.ToDictionary(attribute => attribute.Name, attribute => attribute.Value));

    /// <summary>The version a change must name in <c>If-Match</c>: Identity's concurrency stamp, new at every save.</summary>
    public static string ETagOf(ApplicationUser user) => $"\"{user.ConcurrencyStamp}\"";
}
