using IdpSmsReset.Core.Administration;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>A user as the administrator edits them. The password is set only when creating a user.</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164; blank removes the number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The policy id; blank means the default policy.</summary>
    public string? PolicyId { get; set; }

    public bool IsAdministrator { get; set; }

    /// <summary>One <c>name=value</c> per line.</summary>
    public string? Attributes { get; set; }

    public string? Password { get; set; }

    public UserChange ToChange(string? id) =>
        new(id, UserName, Password, DisplayName, Email, PhoneNumber, PolicyId, IsAdministrator, Attributes);
}
