namespace IdpSmsReset.Core.Users;

/// <summary>An application the user allowed, with what it may ask for and since when.</summary>
public sealed record ConnectedApplication(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, DateTimeOffset? Since);
