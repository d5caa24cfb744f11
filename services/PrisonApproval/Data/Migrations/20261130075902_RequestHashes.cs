using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "request_hash",
                table: "quota_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "request_hash",
                table: "quota_entries");
        }
    }
}
