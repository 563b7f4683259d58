using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SecurityPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SecurityPolicyId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SecurityPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Password_MinLength = table.Column<int>(type: "integer", nullable: false),
                    Password_MaxLength = table.Column<int>(type: "integer", nullable: false),
                    Password_BlockCommonPasswords = table.Column<bool>(type: "boolean", nullable: false),
                    Password_HistoryCount = table.Column<int>(type: "integer", nullable: false),
                    Lockout_MaxFailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    Lockout_LockoutMinutes = table.Column<int>(type: "integer", nullable: false),
                    Mfa_SmsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Mfa_TotpEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Mfa_Require = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PasswordReset_SmsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordReset_CodeLength = table.Column<int>(type: "integer", nullable: false),
                    PasswordReset_CodeLifetimeMinutes = table.Column<int>(type: "integer", nullable: false),
                    PasswordReset_MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    PasswordReset_ResendCooldownSeconds = table.Column<int>(type: "integer", nullable: false),
                    PasswordReset_MaxSendsPerHour = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SecurityPolicyId",
                table: "AspNetUsers",
                column: "SecurityPolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityPolicies_Name",
                table: "SecurityPolicies",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_SecurityPolicies_SecurityPolicyId",
                table: "AspNetUsers",
                column: "SecurityPolicyId",
                principalTable: "SecurityPolicies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_SecurityPolicies_SecurityPolicyId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "SecurityPolicies");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SecurityPolicyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SecurityPolicyId",
                table: "AspNetUsers");
        }
    }
}
