using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdentityProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    UserNameClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmailClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisplayNameClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhoneClaim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EmailDomains = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Provisioning = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecurityPolicyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TrustUpstreamMfa = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityProviders", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Area", "Version" },
                values: new object[] { "identity-providers", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityProviders_Name",
                table: "IdentityProviders",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityProviders");

            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Area",
                keyValue: "identity-providers");
        }
    }
}
