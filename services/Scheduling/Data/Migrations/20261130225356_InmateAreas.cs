using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class InmateAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inmate_areas",
                columns: table => new
                {
                    prison_id = table.Column<string>(type: "text", nullable: false),
                    inmate_number = table.Column<string>(type: "text", nullable: false),
                    area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    moved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inmate_areas", x => new { x.prison_id, x.inmate_number });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inmate_areas");
        }
    }
}
