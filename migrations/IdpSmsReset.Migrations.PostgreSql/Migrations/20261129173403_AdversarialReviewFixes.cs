using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AdversarialReviewFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PasswordResetFlows_IpAddress_CreatedAt",
                table: "PasswordResetFlows");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<string>(
                name: "ClientNetwork",
                table: "PasswordResetFlows",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmsResetSuspendedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmsResetWrongCodesCountedFrom",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PasswordResetWrongCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FlowId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    ClientNetwork = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordResetWrongCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PasswordResetWrongCodes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnknownAccountFailures",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnknownAccountFailures", x => x.NameHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetFlows_ClientNetwork_CreatedAt",
                table: "PasswordResetFlows",
                columns: new[] { "ClientNetwork", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetWrongCodes_ClientNetwork_EnteredAt",
                table: "PasswordResetWrongCodes",
                columns: new[] { "ClientNetwork", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetWrongCodes_UserId_EnteredAt",
                table: "PasswordResetWrongCodes",
                columns: new[] { "UserId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnknownAccountFailures_LastFailedAt",
                table: "UnknownAccountFailures",
                column: "LastFailedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PasswordResetWrongCodes");

            migrationBuilder.DropTable(
                name: "UnknownAccountFailures");

            migrationBuilder.DropIndex(
                name: "IX_PasswordResetFlows_ClientNetwork_CreatedAt",
                table: "PasswordResetFlows");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ClientNetwork",
                table: "PasswordResetFlows");

            migrationBuilder.DropColumn(
                name: "SmsResetSuspendedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SmsResetWrongCodesCountedFrom",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetFlows_IpAddress_CreatedAt",
                table: "PasswordResetFlows",
                columns: new[] { "IpAddress", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");
        }
    }
}
