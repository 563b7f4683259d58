using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IdpSmsReset.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BudgetsInOneTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LimitCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Budget = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LimitCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LimitCounts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LimitCounts_At",
                table: "LimitCounts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LimitCounts_Budget_Subject_At",
                table: "LimitCounts",
                columns: new[] { "Budget", "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LimitCounts_UserId",
                table: "LimitCounts",
                column: "UserId");
        

            // What the three tables counted goes on counting: a suspension's day-long budget must not restart at an upgrade.
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-wrong-code/address', \"ClientNetwork\", \"UserId\", \"EnteredAt\" FROM \"PasswordResetWrongCodes\" WHERE \"ClientNetwork\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-wrong-code/account', \"UserId\", \"UserId\", \"EnteredAt\" FROM \"PasswordResetWrongCodes\" WHERE \"UserId\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'device-user-code/address', \"ClientNetwork\", NULL, \"EnteredAt\" FROM \"WrongUserCodes\" WHERE \"ClientNetwork\" IS NOT NULL;");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-send/account', \"UserId\", \"UserId\", \"SentAt\" FROM \"PasswordResetSends\";");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-send/destination', \"Destination\", \"UserId\", \"SentAt\" FROM \"PasswordResetSends\";");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-send/country', \"Country\", \"UserId\", \"SentAt\" FROM \"PasswordResetSends\";");
            migrationBuilder.Sql("INSERT INTO \"LimitCounts\" (\"Budget\", \"Subject\", \"UserId\", \"At\") "
                + "SELECT 'reset-start/address', \"ClientNetwork\", NULL, \"CreatedAt\" FROM \"PasswordResetFlows\" WHERE \"ClientNetwork\" IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "PasswordResetSends");

            migrationBuilder.DropTable(
                name: "PasswordResetWrongCodes");

            migrationBuilder.DropTable(
                name: "WrongUserCodes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LimitCounts");

            migrationBuilder.CreateTable(
                name: "PasswordResetSends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Destination = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FlowId = table.Column<Guid>(type: "uuid", nullable: false),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordResetSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PasswordResetSends_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PasswordResetWrongCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientNetwork = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FlowId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true)
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
                name: "IX_PasswordResetSends_SentAt",
                table: "PasswordResetSends",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetSends_UserId",
                table: "PasswordResetSends",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetWrongCodes_ClientNetwork_EnteredAt",
                table: "PasswordResetWrongCodes",
                columns: new[] { "ClientNetwork", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetWrongCodes_UserId_EnteredAt",
                table: "PasswordResetWrongCodes",
                columns: new[] { "UserId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WrongUserCodes_ClientNetwork_EnteredAt",
                table: "WrongUserCodes",
                columns: new[] { "ClientNetwork", "EnteredAt" });
        }
    }
}
