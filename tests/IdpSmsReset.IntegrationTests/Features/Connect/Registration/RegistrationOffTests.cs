using System.Net;
using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;
using static IdpSmsReset.IntegrationTests.Infrastructure.RegistrationRequests;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Registration;

/// <summary>Registration is off unless configured: no endpoint, and discovery says nothing of one.</summary>
public abstract class RegistrationOffTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task ByDefault_NoRegistrationEndpoint_NotInDiscovery()
    {
        using var http = OidcClients.Backchannel(factory);

        var registered = await RegisterAsync(http, PublicApplication());
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = IdpFactory.Origin, Policy = new DiscoveryPolicy { RequireHttps = false },
        });

        Assert.Equal(HttpStatusCode.NotFound, registered.Status);
        Assert.False(discovery.IsError, discovery.Error);
        Assert.Null(discovery.RegistrationEndpoint);
    }
}

public sealed class RegistrationOffTestsOnSqlite(SqliteIdpFactory factory) : RegistrationOffTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class RegistrationOffTestsOnPostgreSql(PostgreSqlIdpFactory factory) : RegistrationOffTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
