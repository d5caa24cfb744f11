using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.BureauReview.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DueBy",
                table: "reviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VisitMonthStart",
                table: "reviews",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Reviews already waiting get their month from their stored facts.
            migrationBuilder.Sql("""
                UPDATE reviews
                SET "VisitMonthStart" = to_date("Application"->>'visitMonth' || '-01', 'YYYY-MM-DD');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueBy",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "VisitMonthStart",
                table: "reviews");
        }
    }
}
