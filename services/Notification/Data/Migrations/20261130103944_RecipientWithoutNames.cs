using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecipientWithoutNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "recipients");

            migrationBuilder.DropColumn(
                name: "inmate_name",
                table: "recipients");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "recipients",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "inmate_name",
                table: "recipients",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
