using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TokenKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TokenKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProtectedCertificate = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActiveFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenKeys", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Area", "Version" },
                values: new object[] { "keys", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_TokenKeys_Use_Algorithm_Generation",
                table: "TokenKeys",
                columns: new[] { "Use", "Algorithm", "Generation" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TokenKeys");

            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Area",
                keyValue: "keys");
        }
    }
}
