using IdpSmsReset.Core.Applications;
using IdpSmsReset.Server.Hosting;
using OpenIddict.Abstractions;
using System.Text.Json;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>The applications registered with <c>/dev/try/callback</c> among their redirect URIs.</summary>
internal sealed class TryClients(IOpenIddictApplicationManager applications, BootstrapSource bootstrap)
{
    public async Task<IReadOnlyList<TryClient>> ListAsync(string callback, CancellationToken cancellationToken)
    {
        var found = new List<TryClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var redirects = await applications.GetRedirectUrisAsync(application, cancellationToken);
            if (!redirects.Contains(callback, StringComparer.Ordinal))
            {
                continue;
            }

            var clientId = (await applications.GetClientIdAsync(application, cancellationToken))!;
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            var theme = properties.TryGetValue(ApplicationDescriptorMapper.ThemeProperty, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var confidential = await applications.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential,
                cancellationToken);
            var secret = bootstrap.Loaded?.Document.Applications.FirstOrDefault(entry => entry.ClientId == clientId)?.ClientSecret;
            found.Add(new TryClient(clientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId,
                confidential, confidential ? secret : null, theme));
        }

        return found.OrderBy(client => client.ClientId, StringComparer.Ordinal).ToList();
    }
}

/// <summary>An application <c>/dev/try</c> can sign in to: one whose redirect URIs include its callback.</summary>
/// <param name="Secret">The demo bootstrap's secret for a confidential one; null when the page must ask for it.</param>
public sealed record TryClient(string ClientId, string DisplayName, bool IsConfidential, string? Secret, string? Theme);
