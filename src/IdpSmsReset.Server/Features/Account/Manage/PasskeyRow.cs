namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>A passkey as the account page lists it; <see cref="Id"/> is its credential id, base64url.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt, DateTime? LastUsedAt);
