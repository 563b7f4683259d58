using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SmsSecondaryAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecondaryAccountSid",
                table: "SmsFactorSettings",
                type: "TEXT",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryFrom",
                table: "SmsFactorSettings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryLastValidationError",
                table: "SmsFactorSettings",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryMessagingServiceSid",
                table: "SmsFactorSettings",
                type: "TEXT",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryProtectedAuthToken",
                table: "SmsFactorSettings",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SecondaryValidatedAt",
                table: "SmsFactorSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Account",
                table: "OutboundSms",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmsAccountHealth",
                columns: table => new
                {
                    Account = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailoverAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailure = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsAccountHealth", x => x.Account);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsAccountHealth");

            migrationBuilder.DropColumn(
                name: "SecondaryAccountSid",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryFrom",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryLastValidationError",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryMessagingServiceSid",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryProtectedAuthToken",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryValidatedAt",
                table: "SmsFactorSettings");

            migrationBuilder.DropColumn(
                name: "Account",
                table: "OutboundSms");
        }
    }
}
