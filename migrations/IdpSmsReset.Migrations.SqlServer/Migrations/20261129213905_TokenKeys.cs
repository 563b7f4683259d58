using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.SqlServer.Migrations
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Use = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Generation = table.Column<int>(type: "int", nullable: false),
                    KeyId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Algorithm = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ProtectedCertificate = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActiveFrom = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
