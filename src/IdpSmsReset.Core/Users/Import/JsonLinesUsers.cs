using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace IdpSmsReset.Core.Users.Import;

/// <summary>Users from JSON lines, one object a line, read as they come: memory stays flat whatever the file's size.</summary>
public static class JsonLinesUsers
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async IAsyncEnumerable<UserImportLine> ReadAsync(Stream stream,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(number, line);
        }
    }

    private static UserImportLine Parse(int number, string line)
    {
        try
        {
            return JsonSerializer.Deserialize<ImportedUser>(line, Json) is { } user
                ? new UserImportLine(number, user, null)
                : new UserImportLine(number, null, "is null, not a user object.");
        }
        catch (JsonException exception)
        {
            return new UserImportLine(number, null, $"is not a user in JSON: {JsonLinesUsers.Describe(exception)}.");
        }
    }

    /// <summary>
    /// What was wrong, without the text that was: the serializer quotes a bad token, and a line may hold a password. A
    /// property this shape does not have is named (a name is no secret).
    /// </summary>
    internal static string Describe(JsonException exception) =>
        exception.Message.Contains("could not be mapped", StringComparison.Ordinal) && exception.Path is { } path
            ? $"there is no property {path.TrimStart('$', '.')}"
            : $"the JSON is malformed at character {(exception.BytePositionInLine ?? 0) + 1}";
}
