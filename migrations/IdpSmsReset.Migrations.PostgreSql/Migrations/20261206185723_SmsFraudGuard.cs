using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmsFraudGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HoldScope",
                table: "OutboundSms",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmsFraudAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HourStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Details = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsFraudAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsFraudGuardSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DailyPerCountry = table.Column<int>(type: "integer", nullable: false),
                    CountryBudgets = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    DailyTotal = table.Column<int>(type: "integer", nullable: false),
                    HourlyPerPrefix = table.Column<int>(type: "integer", nullable: false),
                    PrefixDigits = table.Column<int>(type: "integer", nullable: false),
                    SurgeFactor = table.Column<double>(type: "double precision", nullable: false),
                    AllowVoip = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultPrice = table.Column<decimal>(type: "numeric(12,5)", precision: 12, scale: 5, nullable: false),
                    Prices = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsFraudGuardSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsVolumes",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HourStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Messages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsVolumes", x => new { x.Scope, x.HourStart });
                });

            migrationBuilder.CreateTable(
                name: "SpentProofs",
                columns: table => new
                {
                    Challenge = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentProofs", x => x.Challenge);
                });

            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Area", "Version" },
                values: new object[] { "sms-fraud-guard", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_SmsFraudAlerts_Kind_Scope_HourStart",
                table: "SmsFraudAlerts",
                columns: new[] { "Kind", "Scope", "HourStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsFraudAlerts_Until",
                table: "SmsFraudAlerts",
                column: "Until");

            migrationBuilder.CreateIndex(
                name: "IX_SmsVolumes_HourStart",
                table: "SmsVolumes",
                column: "HourStart");

            migrationBuilder.CreateIndex(
                name: "IX_SpentProofs_ExpiresAt",
                table: "SpentProofs",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsFraudAlerts");

            migrationBuilder.DropTable(
                name: "SmsFraudGuardSettings");

            migrationBuilder.DropTable(
                name: "SmsVolumes");

            migrationBuilder.DropTable(
                name: "SpentProofs");

            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Area",
                keyValue: "sms-fraud-guard");

            migrationBuilder.DropColumn(
                name: "HoldScope",
                table: "OutboundSms");
        }
    }
}
