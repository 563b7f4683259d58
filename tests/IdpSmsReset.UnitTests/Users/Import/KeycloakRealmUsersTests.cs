using System.Text;
using IdpSmsReset.Core.Users.Import;

namespace IdpSmsReset.UnitTests.Users.Import;

/// <summary>A realm export read user by user, whatever sizes the stream hands its bytes over in.</summary>
public sealed class KeycloakRealmUsersTests
{
    // secretData as a realm export holds it: JSON in a JSON string (a credential a Keycloak server stored).
    private const string SecretData = "{\\\"value\\\":\\\"ZXVC08Hf4jBOoYzVoNWYjQijsMC2oc/OUa9LciiIJ/1XHPF/qPiY1DqwLLDN2hYFmf/"
        + "1kApkveD8/Pr7GVqjgw==\\\",\\\"salt\\\":\\\"Td6XuopYK6JNfUnIlqYMOQ==\\\",\\\"additionalParameters\\\":{}}";

    private static readonly string RealmExport = """
        {
          "realm": "corp",
          "roles": { "realm": [ { "name": "staff" } ] },
          "users": [
            {
              "username": "kc-anna", "email": "anna@corp.test", "emailVerified": true, "firstName": "Anna", "lastName": "Berg",
              "enabled": true, "createdTimestamp": 1577934245000, "totp": false,
              "attributes": { "phoneNumber": ["+14155550170"], "department": ["sales"] },
              "credentials": [ {
                "type": "password", "createdDate": 1577934245000,
                "secretData": "SECRET-DATA",
                "credentialData": "{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\",\"additionalParameters\":{}}"
              } ],
              "requiredActions": [ "UPDATE_PROFILE" ],
              "realmRoles": [ "default-roles-corp", "offline_access", "staff" ]
            },
            { "username": "kc-ben", "enabled": false, "requiredActions": [ "UPDATE_PASSWORD", "CONFIGURE_TOTP" ] },
            { "username": "kc-cleo", "email": "cleo@corp.test", "credentials": [] }
          ],
          "clients": [ { "clientId": "after-the-users" } ]
        }
        """.Replace("SECRET-DATA", SecretData, StringComparison.Ordinal);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task ReadAsync_RealmExportInPieces_EveryUserMapped(int piece)
    {
        var lines = await ReadAllAsync(new PieceStream(Encoding.UTF8.GetBytes(RealmExport), piece));

        Assert.Equal([1, 2, 3], lines.Select(line => line.Line));
        Assert.All(lines, line => Assert.Null(line.Problem));
        var anna = lines[0].User!;
        Assert.Equal(("kc-anna", "anna@corp.test", "Anna Berg", "+14155550170"),
            (anna.UserName, anna.Email, anna.DisplayName, anna.PhoneNumber));
        Assert.Contains("pbkdf2-sha256", anna.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(["staff"], anna.Roles);
        Assert.Equal(new Dictionary<string, string> { ["department"] = "sales" }, anna.Attributes);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), anna.CreatedAt);
        Assert.Empty(anna.RequiredActions);
        Assert.False(lines[1].User!.Enabled);
        Assert.Equal(["update-password", "configure-second-factor"], lines[1].User!.RequiredActions);
        Assert.Null(lines[2].User!.PasswordHash);
    }

    [Theory]
    [InlineData("{\"realm\":\"corp\"}", "The file has no \"users\" array: is it a realm export?")]
    [InlineData("{\"users\":[{\"username\":\"a\"},{\"username\":", "The file is not a Keycloak realm export in JSON: ")]
    [InlineData("{\"users\":{}}", "The file is not a Keycloak realm export in JSON: \"users\" is not an array.")]
    public async Task ReadAsync_NotARealmExport_Said(string json, string problem)
    {
        var lines = await ReadAllAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith(problem, lines[^1].Problem, StringComparison.Ordinal);
    }

    private static async Task<List<UserImportLine>> ReadAllAsync(Stream stream)
    {
        var lines = new List<UserImportLine>();
        await foreach (var line in KeycloakRealmUsers.ReadAsync(stream, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>A stream that hands over at most <paramref name="piece"/> bytes a read, as a network does.</summary>
    private sealed class PieceStream(byte[] data, int piece) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
