namespace IdpSmsReset.Core.Federation;

/// <summary>Who the upstream says the person is: its subject, and its claims by name (first value of each).</summary>
public sealed record FederatedIdentity(string? Subject, IReadOnlyDictionary<string, string> Claims)
{
    public string? Claim(string name) => Claims.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
