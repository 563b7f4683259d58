using System.Net.Http.Headers;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Applications an administrator gave the management scopes (as a bootstrap file lists them), and an HTTP client
/// carrying the access token each gets by client credentials.
/// </summary>
public static class ApiClients
{
    /// <summary>
    /// A client with a bearer token of <paramref name="scope"/> (one or several, space-separated), its application created
    /// with them first.
    /// </summary>
    public static async Task<HttpClient> WithScopeAsync(IdpFactory factory, string clientId, string scope)
    {
        var http = OidcClients.Backchannel(factory);
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = await SecretOfAsync(factory, clientId, scope), Scope = scope,
        });
        Assert.False(token.IsError, token.Error + " " + token.ErrorDescription);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return http;
    }

    // The dashboard's command makes the secret (and shows it once): a new application's, or a new one for an existing one.
    private static async Task<string> SecretOfAsync(IdpFactory factory, string clientId, string scope)
    {
        await using var scope_ = factory.Services.CreateAsyncScope();
        var administration = scope_.ServiceProvider.GetRequiredService<ApplicationAdministration>();
        var who = new Administrator("test", null);
        var saved = await administration.FindAsync(clientId, CancellationToken.None) is null
            ? await administration.SaveAsync(null, new ApplicationDefinition
            {
                ClientId = clientId, DisplayName = clientId, Type = ApplicationVocabulary.Confidential,
                GrantTypes = [ApplicationVocabulary.ClientCredentials], Scopes = [.. scope.Split(' ')],
            }, [], who, CancellationToken.None)
            : await administration.RotateSecretAsync(clientId, who, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems));
        return saved.NewSecret!;
    }
}
