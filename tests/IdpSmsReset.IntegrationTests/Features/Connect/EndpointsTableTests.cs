using System.Text.RegularExpressions;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// README's "Endpoints" table against the server's protocol endpoints: OpenIddict's configured URIs and the routes
/// mapped under <c>/connect</c> and <c>/.well-known</c>. A relying application's developer reads that table.
/// </summary>
public sealed partial class EndpointsTableTests(SqliteIdpFactory factory) : IClassFixture<SqliteIdpFactory>
{
    [SkippableFact]
    public void ReadmeEndpointsTable_ListsEveryProtocolEndpoint_AndNoOther()
    {
        var server = factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;
        var configured = new[]
        {
            server.ConfigurationEndpointUris, server.JsonWebKeySetEndpointUris, server.AuthorizationEndpointUris,
            server.PushedAuthorizationEndpointUris, server.TokenEndpointUris, server.DeviceAuthorizationEndpointUris,
            server.EndUserVerificationEndpointUris, server.UserInfoEndpointUris, server.EndSessionEndpointUris,
            server.IntrospectionEndpointUris, server.RevocationEndpointUris,
        }.SelectMany(uris => uris).Select(uri => "/" + uri.OriginalString.TrimStart('/'));
        // Routes of the protocol's own (registration), not pages a flow passes through (consent is a step of authorize).
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith("/connect/", StringComparison.Ordinal)
                || path.StartsWith("/.well-known/", StringComparison.Ordinal))
            .Select(path => ParameterName().Replace(path, "{}"));
        var served = configured.Concat(mapped).ToHashSet(StringComparer.Ordinal);

        var documented = ReadmeEndpointPaths().ToHashSet(StringComparer.Ordinal);

        Assert.True(served.Except(documented).ToList() is { Count: 0 } missing,
            $"Add to README's Endpoints table: {string.Join(", ", served.Except(documented))}");
        Assert.True(documented.Except(served).ToList() is { Count: 0 } stale,
            $"README's Endpoints table lists what the server does not serve: {string.Join(", ", documented.Except(served))}");
    }

    /// <summary>The paths in the table's second column, a parameter written as <c>{}</c>.</summary>
    private static IEnumerable<string> ReadmeEndpointPaths()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = Array.IndexOf(lines, "## Endpoints");
        foreach (var row in lines.Skip(start + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2))
        {
            var path = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            foreach (Match quoted in Quoted().Matches(path))
            {
                yield return ParameterName().Replace(quoted.Groups[1].Value, "{}");
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex ParameterName();
}
