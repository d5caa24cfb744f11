using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class InmateNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InmateNumber",
                table: "visits",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InmateNumber",
                table: "visits");
        }
    }
}
