using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
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
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastPolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevicePolls", x => x.CodeHash);
                });

            migrationBuilder.CreateTable(
                name: "WrongUserCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientNetwork = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
