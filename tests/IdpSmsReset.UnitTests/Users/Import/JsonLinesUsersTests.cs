using System.Text;
using IdpSmsReset.Core.Users.Import;

namespace IdpSmsReset.UnitTests.Users.Import;

public sealed class JsonLinesUsersTests
{
    [Fact]
    public async Task ReadAsync_MalformedLines_ProblemWithItsLineNumberAndNoValueQuoted()
    {
        const string file = "{\"userName\":\"one\"}\n\n{\"userName\":\"two\",\"pasword\":\"x\"}\n"
            + "{\"userName\":\"three\",\"password\":\"Secret-12 chars\n"
            + "{\"userName\":\"four\",\"phoneNumberVerified\":true,\"createdAt\":\"2020-01-02T03:04:05Z\"}\n";
        var lines = new List<UserImportLine>();
        await foreach (var line in JsonLinesUsers.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal([1, 3, 4, 5], lines.Select(line => line.Line));
        Assert.Equal("one", lines[0].User!.UserName);
        Assert.Equal("is not a user in JSON: there is no property pasword.", lines[1].Problem);
        Assert.StartsWith("is not a user in JSON: the JSON is malformed at character", lines[2].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", lines[2].Problem, StringComparison.Ordinal);
        Assert.True(lines[3].User!.PhoneNumberVerified);
    }
}
