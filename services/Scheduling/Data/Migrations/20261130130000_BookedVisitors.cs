using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <summary>The approved visitors on each visit (names, masked numbers, visitor keys), for check-in at the venue.</summary>
    public partial class BookedVisitors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "visitors",
                table: "visits",
                type: "jsonb",
                nullable: true);
            // Visits booked before: no visitors were kept, so none to check in against (the call's identity_checked alone).
            migrationBuilder.Sql("UPDATE visits SET visitors = '[]'::jsonb;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "visitors",
                table: "visits");
        }
    }
}
