using System.Security.Cryptography;
using System.Text.Json;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>
/// The server as its own process on a loopback port, for client libraries that run outside this process (under node):
/// the embedded database, and a service that authenticates with a key pair whose private half the client gets.
/// </summary>
public sealed class InteropServer : IAsyncLifetime
{
    public const string SignedServiceId = "interop-signed-service";
    public const string KeyId = "interop-key-1";

    private readonly string _directory = Directory.CreateTempSubdirectory("idp-interop-").FullName;
    private readonly RSA _key = RSA.Create(2048);
    private ServerProcess? _server;

    public string Issuer { get; private set; } = "";

    /// <summary>The service's private key as a JWK, as a client library imports it.</summary>
    public string PrivateJwk
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(true)));
            return JsonSerializer.Serialize(new
            {
                kty = "RSA", kid = KeyId, alg = "RS256", n = jwk.N, e = jwk.E, d = jwk.D, p = jwk.P, q = jwk.Q, dp = jwk.DP, dq = jwk.DQ,
                qi = jwk.QI,
            });
        }
    }

    public async Task InitializeAsync()
    {
        var port = ServerProcess.FreePort();
        Issuer = $"http://127.0.0.1:{port}/";
        var bootstrap = Path.Combine(_directory, "bootstrap.json");
        var publicKey = _key.ExportParameters(includePrivateParameters: false);
        await File.WriteAllTextAsync(bootstrap, BootstrapFile.Json(new BootstrapDocument
        {
            Applications =
            [
                new ApplicationDefinition
                {
                    ClientId = SignedServiceId, DisplayName = "Interop signed service", Type = ApplicationVocabulary.Confidential,
                    GrantTypes = [ApplicationVocabulary.ClientCredentials], Scopes = ["profile"],
                    JsonWebKeySet = JsonSerializer.Serialize(new
                    {
                        keys = new[]
                        {
                            new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(publicKey.Modulus),
                                e = Base64UrlEncoder.Encode(publicKey.Exponent) },
                        },
                    }),
                },
            ],
        }));
        _server = ServerProcess.Start(_directory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Idp__Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "idp.db")}",
            ["Idp__Issuer"] = Issuer,
            ["Idp__Bootstrap__Path"] = bootstrap,
        }, "--urls", Issuer.TrimEnd('/'));
        await _server.WaitUntilReadyAsync(Issuer.TrimEnd('/'), TimeSpan.FromSeconds(90));
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        _key.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold the database for a moment; the temporary folder is cleaned by the system.
        }

        return Task.CompletedTask;
    }
}
