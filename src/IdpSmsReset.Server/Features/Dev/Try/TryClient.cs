namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>An application <c>/dev/try</c> can sign in to: one whose redirect URIs include its callback.</summary>
/// <param name="Secret">The demo bootstrap's secret for a confidential one; null when the page must ask for it.</param>
public sealed record TryClient(string ClientId, string DisplayName, bool IsConfidential, string? Secret, string? Theme);
