using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.UnitTests.Persistence;

public sealed class CachedTablesTests
{
    [Theory]
    [InlineData("UPDATE \"OpenIddictTokens\" SET \"Status\" = @p0 WHERE \"Id\" = @p1")]
    [InlineData("UPDATE \"o\" SET \"Status\" = 'revoked' FROM \"OpenIddictAuthorizations\" AS \"o\" WHERE \"o\".\"Subject\" = @id")]
    [InlineData("DELETE FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"ExpirationDate\" < @now")]
    [InlineData("INSERT INTO \"Audit\" (...) VALUES (...);\nUPDATE [OpenIddictTokens] SET [Status] = @p0 WHERE [Id] = @p1;")]
    public void Changes_UpdateOrDeleteOfTokensOrAuthorizations_Tokens(string statement) =>
        Assert.Equal(CachedTables.Written.Tokens, CachedTables.Changes(statement));

    [Theory]
    [InlineData("UPDATE \"AspNetUsers\" SET \"DisabledAt\" = @p0 WHERE \"Id\" = @p1")]
    [InlineData("UPDATE [AspNetUsers] SET [DisplayName] = @p0 WHERE [Id] = @p1 AND [ConcurrencyStamp] = @p2;")]
    public void Changes_UpdateOfUsers_Users(string statement) =>
        Assert.Equal(CachedTables.Written.Users, CachedTables.Changes(statement));

    [Fact]
    public void Changes_OneBatchWritingBoth_Both() => Assert.Equal(
        CachedTables.Written.Tokens | CachedTables.Written.Users,
        CachedTables.Changes(
            "DELETE FROM \"OpenIddictTokens\" WHERE \"Subject\" = @p0;\nDELETE FROM \"AspNetUsers\" WHERE \"Id\" = @p0;"));

    [Theory]
    [InlineData("SELECT \"o\".\"Id\", \"o\".\"Status\" FROM \"OpenIddictTokens\" AS \"o\" WHERE \"o\".\"Id\" = @id")]
    [InlineData("INSERT INTO \"OpenIddictTokens\" (\"Id\", \"Status\") VALUES (@p0, @p1)")]
    [InlineData("SELECT \"a\".\"Id\", \"a\".\"UserName\" FROM \"AspNetUsers\" AS \"a\"")]
    [InlineData("UPDATE \"OutboundSms\" SET \"Status\" = @p0 WHERE \"Id\" = @p1")]
    public void Changes_ReadsNewEntriesAndOtherTables_None(string statement) =>
        Assert.Equal(CachedTables.Written.None, CachedTables.Changes(statement));

    [Theory]
    [InlineData("INSERT INTO \"SecurityPolicies\" (\"Id\", \"Name\") VALUES (@p0, @p1) RETURNING 1;", ChangeAreas.Policies)]
    [InlineData("UPDATE [w] SET [w].[Enabled] = CAST(0 AS bit) FROM [WebhookSubscriptions] AS [w] WHERE [w].[Id] = @id",
        ChangeAreas.Webhooks)]
    [InlineData("DELETE FROM \"SmsTemplates\" WHERE \"Purpose\" = @p0 AND \"Language\" = @p1;", ChangeAreas.SmsTemplates)]
    public void StampedAreas_WriteToAConfigurationTable_ItsArea(string statement, string area) =>
        Assert.Equal([area], CachedTables.StampedAreas(statement));

    [Theory]
    [InlineData("SELECT \"s\".\"Id\", \"s\".\"Name\" FROM \"SecurityPolicies\" AS \"s\"")]
    [InlineData("INSERT INTO \"AuditEvents\" (\"Id\", \"Type\") VALUES (@p0, @p1);")]
    [InlineData("UPDATE \"AspNetUsers\" SET \"SecurityPolicyId\" = NULL "
        + "WHERE \"SecurityPolicyId\" IN (SELECT \"Id\" FROM \"SecurityPolicies\")")]
    [InlineData("CREATE TABLE \"AspNetUsers\" (\"SecurityPolicyId\" TEXT NULL, CONSTRAINT \"FK_P\" FOREIGN KEY (\"SecurityPolicyId\") "
        + "REFERENCES \"SecurityPolicies\" (\"Id\") ON DELETE SET NULL ON UPDATE CASCADE);")]
    [InlineData("INSERT INTO \"ef_temp_SecurityPolicies\" (\"Id\") SELECT \"Id\" FROM \"SecurityPolicies\";")]
    public void StampedAreas_ReadOrOtherTable_None(string statement) => Assert.Empty(CachedTables.StampedAreas(statement));

    [Fact]
    public void Stamped_EveryArea_HasATable() =>
        Assert.Empty(ChangeAreas.All.Except(CachedTables.Stamped.Select(entry => entry.Area)));

    [Fact]
    public void Stamped_EveryTable_IsMappedByTheModel()
    {
        using var database = new IdpDbContext(new DbContextOptionsBuilder<IdpDbContext>()
            .UseSqlite("Data Source=:memory:").WithIdentitySchema().Options);
        var mapped = database.Model.GetEntityTypes().Select(type => type.GetTableName()).ToHashSet();

        var unmapped = CachedTables.Stamped.Select(entry => entry.Table).Except(mapped).ToList();

        Assert.Empty(unmapped);
    }
}
