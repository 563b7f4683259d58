using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmsTemplatesStampOfTheirOwn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Area", "Version" },
                values: new object[] { "sms-templates", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Area",
                keyValue: "sms-templates");
        }
    }
}
