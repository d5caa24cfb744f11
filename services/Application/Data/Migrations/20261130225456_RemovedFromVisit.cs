using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class RemovedFromVisit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "removed_from_visit",
                table: "application_visitors",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "removed_from_visit",
                table: "application_visitors");
        }
    }
}
