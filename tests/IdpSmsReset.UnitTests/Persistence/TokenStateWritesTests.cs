using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class TokenStateWritesTests
{
    [Theory]
    [InlineData("UPDATE \"OpenIddictTokens\" SET \"Status\" = @p0 WHERE \"Id\" = @p1")]
    [InlineData("UPDATE \"o\" SET \"Status\" = 'revoked' FROM \"OpenIddictAuthorizations\" AS \"o\" WHERE \"o\".\"Subject\" = @id")]
    [InlineData("DELETE FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"ExpirationDate\" < @now")]
    [InlineData("INSERT INTO \"Audit\" (...) VALUES (...);\nUPDATE [OpenIddictTokens] SET [Status] = @p0 WHERE [Id] = @p1;")]
    public void EndsValidity_UpdateOrDeleteOfTokensOrAuthorizations_True(string statement) =>
        Assert.True(TokenStateWrites.EndsValidity(statement));

    [Theory]
    [InlineData("SELECT \"o\".\"Id\", \"o\".\"Status\" FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"Id\" = @id")]
    [InlineData("INSERT INTO \"OpenIddictTokens\" (\"Id\", \"Status\") VALUES (@p0, @p1)")]
    [InlineData("UPDATE \"AspNetUsers\" SET \"AccessFailedCount\" = @p0 WHERE \"Id\" = @p1")]
    public void EndsValidity_ReadsNewEntriesAndOtherTables_False(string statement) =>
        Assert.False(TokenStateWrites.EndsValidity(statement));
}
