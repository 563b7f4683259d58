namespace IdpSmsReset.Core.Users;

/// <summary>A custom key/value on a user (employee number, a second mobile...); the SMS factor may read the phone from one.</summary>
public sealed class UserAttribute
{
    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string Value { get; set; }
}
