namespace IdpSmsReset.Core.Users.Import;

/// <summary>A user as Keycloak's realm export writes it (<c>UserRepresentation</c>), the parts an import uses.</summary>
public sealed class KeycloakUser
{
    public string? Username { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>Milliseconds since 1970.</summary>
    public long? CreatedTimestamp { get; init; }

    public Dictionary<string, List<string>>? Attributes { get; init; }

    public List<KeycloakCredentialEntry>? Credentials { get; init; }

    public List<string>? RequiredActions { get; init; }

    public List<string>? RealmRoles { get; init; }
}
