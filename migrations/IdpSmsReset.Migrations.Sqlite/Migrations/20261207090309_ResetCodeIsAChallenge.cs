using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResetCodeIsAChallenge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The reset's code moves into a challenge in two migrations: SQLite rebuilds a table at the end of a
            // migration, so the copy (ResetCodeMovedToChallenges) can only run once this one has made the columns nullable.
            migrationBuilder.AddColumn<Guid>(
                name: "ChallengeId",
                table: "PasswordResetFlows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SmsChallenges",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "Destination",
                table: "SmsChallenges",
                type: "TEXT",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeSalt",
                table: "SmsChallenges",
                type: "BLOB",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeHash",
                table: "SmsChallenges",
                type: "BLOB",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<Guid>(
                name: "FlowId",
                table: "SmsChallenges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsChallenges_FlowId",
                table: "SmsChallenges",
                column: "FlowId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmsChallenges_FlowId",
                table: "SmsChallenges");

            migrationBuilder.DropColumn(
                name: "FlowId",
                table: "SmsChallenges");

            migrationBuilder.DropColumn(
                name: "ChallengeId",
                table: "PasswordResetFlows");

            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SmsChallenges",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Destination",
                table: "SmsChallenges",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeSalt",
                table: "SmsChallenges",
                type: "BLOB",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeHash",
                table: "SmsChallenges",
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
