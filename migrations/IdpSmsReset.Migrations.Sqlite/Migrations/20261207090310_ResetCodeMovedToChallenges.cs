using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResetCodeMovedToChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A code asked for before the upgrade becomes its flow's challenge (its id the flow's: both are random), so a
            // reset under way keeps working across it.
            migrationBuilder.Sql("INSERT INTO \"SmsChallenges\" (\"Id\", \"FlowId\", \"UserId\", \"Purpose\", \"CodeHash\", "
                + "\"CodeSalt\", \"CreatedAt\", \"ExpiresAt\", \"Attempts\") "
                + "SELECT \"Id\", \"Id\", \"UserId\", 'password-reset', \"CodeHash\", \"CodeSalt\", \"CodeRequestedAt\", "
                + "COALESCE(\"CodeExpiresAt\", \"ExpiresAt\"), \"CodeAttempts\" FROM \"PasswordResetFlows\" "
                + "WHERE \"CodeRequestedAt\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"PasswordResetFlows\" SET \"ChallengeId\" = \"Id\" WHERE \"CodeRequestedAt\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "CodeAttempts",
                table: "PasswordResetFlows");

            migrationBuilder.DropColumn(
                name: "CodeHash",
                table: "PasswordResetFlows");

            migrationBuilder.DropColumn(
                name: "CodeSalt",
                table: "PasswordResetFlows");

            migrationBuilder.DropColumn(
                name: "CodeExpiresAt",
                table: "PasswordResetFlows");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CodeExpiresAt",
                table: "PasswordResetFlows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CodeAttempts",
                table: "PasswordResetFlows",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<byte[]>(
                name: "CodeHash",
                table: "PasswordResetFlows",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "CodeSalt",
                table: "PasswordResetFlows",
                type: "BLOB",
                maxLength: 16,
                nullable: true);
        }
    }
}
