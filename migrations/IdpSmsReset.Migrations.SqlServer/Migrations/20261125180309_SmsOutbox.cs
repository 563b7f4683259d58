using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SmsOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboundSms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Destination = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProtectedBody = table.Column<string>(type: "nvarchar(max)", maxLength: 4096, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    TwilioSid = table.Column<string>(type: "nvarchar(34)", maxLength: 34, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundSms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsFactorSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    AccountSid = table.Column<string>(type: "nvarchar(34)", maxLength: 34, nullable: false),
                    ProtectedAuthToken = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    From = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    MessagingServiceSid = table.Column<string>(type: "nvarchar(34)", maxLength: 34, nullable: true),
                    PhoneField = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    AllowedCountries = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    ValidatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastValidationError = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsFactorSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundSms_Status_NextAttemptAt",
                table: "OutboundSms",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundSms_TwilioSid",
                table: "OutboundSms",
                column: "TwilioSid",
                unique: true,
                filter: "[TwilioSid] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboundSms");

            migrationBuilder.DropTable(
                name: "SmsFactorSettings");
        }
    }
}
