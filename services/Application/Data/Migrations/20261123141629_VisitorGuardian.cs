using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorGuardian : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsGuardian",
                table: "application_visitors",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsGuardian",
                table: "application_visitors");
        }
    }
}
