using IdpSmsReset.Core.Users.ForeignPasswords;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// The <c>users</c> of a Keycloak realm export (<c>kc.sh export</c>, or a partial export's file), read one user at a time
/// from the stream, so a realm of any size takes the memory of one user. Keycloak's names become this server's: first
/// and last name the display name, <c>UPDATE_PASSWORD</c> and <c>CONFIGURE_TOTP</c> the required actions
/// <c>update-password</c> and <c>configure-second-factor</c> (others have no equivalent and are left), realm roles the
/// roles (Keycloak's own default roles left), a <c>phoneNumber</c> or <c>phone_number</c> attribute the phone number,
/// the password credential the hash (<see cref="KeycloakCredential"/>).
/// </summary>
public static class KeycloakRealmUsers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async IAsyncEnumerable<UserImportLine> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scan = new Scan();
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        var index = 0;
        while (!scan.Done)
        {
            if (!final)
            {
                if (length == buffer.Length)
                {
                    // One user larger than the buffer: make room for it whole.
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                length += read;
                final = read == 0;
            }

            List<byte[]> users = [];
            var consumed = 0;
            string? broken = null;
            try
            {
                (users, consumed) = scan.Next(buffer.AsSpan(0, length), final);
            }
            catch (JsonException exception)
            {
                broken = $"The file is not a Keycloak realm export in JSON: {exception.Message}";
            }

            if (broken is not null)
            {
                yield return new UserImportLine(index + 1, null, broken);
                yield break;
            }

            foreach (var user in users)
            {
                yield return Map(++index, user);
            }

            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (final && !scan.Done)
            {
                // A file cut short fails as JSON above; one that ends well got here without a users array.
                yield return new UserImportLine(index + 1, null, "The file has no \"users\" array: is it a realm export?");
                yield break;
            }
        }
    }

    private static UserImportLine Map(int index, byte[] json)
    {
        KeycloakUser? source;
        try
        {
            source = JsonSerializer.Deserialize<KeycloakUser>(json, Json);
        }
        catch (JsonException exception)
        {
            return new UserImportLine(index, null, $"is not a Keycloak user: {JsonLinesUsers.Describe(exception)}.");
        }

        if (source is null)
        {
            return new UserImportLine(index, null, "is null, not a user.");
        }

        var attributes = (source.Attributes ?? []).Where(pair => pair.Value.Count > 0)
            .ToDictionary(pair => pair.Key, pair => string.Join(",", pair.Value));
        var phone = Take(attributes, "phoneNumber") ?? Take(attributes, "phone_number");
        var phoneVerified = (Take(attributes, "phoneNumberVerified") ?? Take(attributes, "phone_number_verified")) == "true";
        try
        {
            return new UserImportLine(index, new ImportedUser
            {
                UserName = source.Username,
                Email = source.Email,
                DisplayName = string.Join(' ', new[] { source.FirstName, source.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))
                    is { Length: > 0 } name ? name : null,
                PasswordHash = PasswordHashOf(source),
                PhoneNumber = phone,
                PhoneNumberVerified = phoneVerified,
                RequiredActions = [.. (source.RequiredActions ?? []).Select(RequiredActionOf).OfType<string>()],
                CreatedAt = source.CreatedTimestamp is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null,
                Enabled = source.Enabled ?? true,
                Roles = [.. (source.RealmRoles ?? []).Where(role => role is not ("offline_access" or "uma_authorization")
                    && !role.StartsWith("default-roles-", StringComparison.Ordinal))],
                Attributes = attributes,
            }, null);
        }
        catch (JsonException exception)
        {
            return new UserImportLine(index, null, $"({source.Username}) has a password credential that is not JSON: {exception.Message}");
        }
    }

    private static string? PasswordHashOf(KeycloakUser source)
    {
        var credential = source.Credentials?.FirstOrDefault(c => c.Type == "password");
        return credential switch
        {
            null => null,
            { CredentialData: { } settings, SecretData: { } secret } => KeycloakCredential.Merge(settings, secret),
            { HashedSaltedValue: { } value } => JsonSerializer.Serialize(new
            {
                algorithm = credential.Algorithm, hashIterations = credential.HashIterations, salt = credential.Salt, value,
            }),
            _ => null,
        };
    }

    private static string? RequiredActionOf(string keycloak) => keycloak switch
    {
        "UPDATE_PASSWORD" => SignIn.RequiredActions.UpdatePassword,
        "CONFIGURE_TOTP" => SignIn.RequiredActions.ConfigureSecondFactor,
        _ => null,
    };

    private static string? Take(Dictionary<string, string> attributes, string name) =>
        attributes.Remove(name, out var value) ? value : null;

    /// <summary>Where the reading is: looking for <c>users</c> at the top, inside its array, or past it.</summary>
    private sealed class Scan
    {
        private JsonReaderState _state;
        private int _phase;

        public bool Done => _phase == 3;

        /// <summary>The users complete in <paramref name="data"/>, and how many bytes were read through.</summary>
        public (List<byte[]> Users, int Consumed) Next(ReadOnlySpan<byte> data, bool final)
        {
            var users = new List<byte[]>();
            var reader = new Utf8JsonReader(data, final, _state);
            while (!Done)
            {
                var before = reader;
                if (!reader.Read())
                {
                    break;
                }

                if (_phase == 0 && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && reader.ValueTextEquals("users"u8))
                {
                    _phase = 1;
                }
                else if (_phase == 1)
                {
                    _phase = reader.TokenType == JsonTokenType.StartArray ? 2
                        : throw new JsonException("\"users\" is not an array.");
                }
                else if (_phase == 2 && reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = 3;
                }
                else if (_phase == 2)
                {
                    var start = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        // The user goes on past the data read so far: read it again whole with more.
                        reader = before;
                        break;
                    }

                    users.Add(data[start..(int)reader.BytesConsumed].ToArray());
                }
            }

            _state = reader.CurrentState;
            return (users, (int)reader.BytesConsumed);
        }
    }
}

/// <summary>
/// What one line of a JSON lines file (or one entry of a Keycloak export's <c>users</c>, counted from 1) held: a user, or
/// why it is none.
/// </summary>
public sealed record UserImportLine(int Line, ImportedUser? User, string? Problem);
