using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.BureauReview.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewRemovedVisitors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "removed_visitors",
                table: "reviews",
                type: "jsonb",
                nullable: false,
                // Reviews recorded before removals existed removed nobody.
                defaultValueSql: "'[]'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "removed_visitors",
                table: "reviews");
        }
    }
}
