using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class CachedTableWritesTests
{
    [Theory]
    [InlineData("UPDATE \"OpenIddictTokens\" SET \"Status\" = @p0 WHERE \"Id\" = @p1")]
    [InlineData("UPDATE \"o\" SET \"Status\" = 'revoked' FROM \"OpenIddictAuthorizations\" AS \"o\" WHERE \"o\".\"Subject\" = @id")]
    [InlineData("DELETE FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"ExpirationDate\" < @now")]
    [InlineData("INSERT INTO \"Audit\" (...) VALUES (...);\nUPDATE [OpenIddictTokens] SET [Status] = @p0 WHERE [Id] = @p1;")]
    public void Changes_UpdateOrDeleteOfTokensOrAuthorizations_Tokens(string statement) =>
        Assert.Equal(CachedTableWrites.Written.Tokens, CachedTableWrites.Changes(statement));

    [Theory]
    [InlineData("UPDATE \"AspNetUsers\" SET \"DisabledAt\" = @p0 WHERE \"Id\" = @p1")]
    [InlineData("UPDATE [AspNetUsers] SET [DisplayName] = @p0 WHERE [Id] = @p1 AND [ConcurrencyStamp] = @p2;")]
    public void Changes_UpdateOfUsers_Users(string statement) =>
        Assert.Equal(CachedTableWrites.Written.Users, CachedTableWrites.Changes(statement));

    [Fact]
    public void Changes_OneBatchWritingBoth_Both() => Assert.Equal(
        CachedTableWrites.Written.Tokens | CachedTableWrites.Written.Users,
        CachedTableWrites.Changes(
            "DELETE FROM \"OpenIddictTokens\" WHERE \"Subject\" = @p0;\nDELETE FROM \"AspNetUsers\" WHERE \"Id\" = @p0;"));

    [Theory]
    [InlineData("SELECT \"o\".\"Id\", \"o\".\"Status\" FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"Id\" = @id")]
    [InlineData("INSERT INTO \"OpenIddictTokens\" (\"Id\", \"Status\") VALUES (@p0, @p1)")]
    [InlineData("SELECT \"a\".\"Id\", \"a\".\"UserName\" FROM \"AspNetUsers\" AS \"a\"")]
    [InlineData("UPDATE \"OutboundSms\" SET \"Status\" = @p0 WHERE \"Id\" = @p1")]
    public void Changes_ReadsNewEntriesAndOtherTables_None(string statement) =>
        Assert.Equal(CachedTableWrites.Written.None, CachedTableWrites.Changes(statement));
}
