using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResetCodeIsAChallenge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The reset's code moves into a challenge in two migrations: SQLite rebuilds a table at the end of a
            // migration, so the copy (ResetCodeMovedToChallenges) can only run once this one has made the columns nullable.
            migrationBuilder.AlterColumn<string>(
                name: "UserId",
                table: "SmsChallenges",
                type: "nvarchar(450)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");

            migrationBuilder.AlterColumn<string>(
                name: "Destination",
                table: "SmsChallenges",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeSalt",
                table: "SmsChallenges",
                type: "varbinary(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "varbinary(16)",
                oldMaxLength: 16);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeHash",
                table: "SmsChallenges",
                type: "varbinary(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "varbinary(32)",
                oldMaxLength: 32);

            migrationBuilder.AddColumn<Guid>(
                name: "FlowId",
                table: "SmsChallenges",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ChallengeId",
                table: "PasswordResetFlows",
                type: "uniqueidentifier",
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
                type: "nvarchar(450)",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(450)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Destination",
                table: "SmsChallenges",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeSalt",
                table: "SmsChallenges",
                type: "varbinary(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "varbinary(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "CodeHash",
                table: "SmsChallenges",
                type: "varbinary(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "varbinary(32)",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
