using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddDeviceFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DevicePolls",
                columns: table => new
                {
                    CodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    LastPolledAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevicePolls", x => x.CodeHash);
                });

            migrationBuilder.CreateTable(
                name: "WrongUserCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientNetwork = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WrongUserCodes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DevicePolls_LastPolledAt",
                table: "DevicePolls",
                column: "LastPolledAt");

            migrationBuilder.CreateIndex(
                name: "IX_WrongUserCodes_ClientNetwork_EnteredAt",
                table: "WrongUserCodes",
                columns: new[] { "ClientNetwork", "EnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DevicePolls");

            migrationBuilder.DropTable(
                name: "WrongUserCodes");
        }
    }
}
