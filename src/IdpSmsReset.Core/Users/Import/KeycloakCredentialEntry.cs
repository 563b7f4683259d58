namespace IdpSmsReset.Core.Users.Import;

/// <summary>One of a Keycloak user's <c>credentials</c>: <c>credentialData</c> and <c>secretData</c> are JSON in strings.</summary>
public sealed class KeycloakCredentialEntry
{
    public string? Type { get; init; }

    public string? CredentialData { get; init; }

    public string? SecretData { get; init; }

    /// <summary>The older export's form, before Keycloak 12: the fields directly on the credential.</summary>
    public string? Algorithm { get; init; }

    public int? HashIterations { get; init; }

    public string? Salt { get; init; }

    public string? HashedSaltedValue { get; init; }
}
