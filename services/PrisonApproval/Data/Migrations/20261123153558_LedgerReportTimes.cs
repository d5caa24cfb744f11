using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerReportTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VisitReportedAt",
                table: "quota_entries",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VisitReportedAt",
                table: "quota_entries");
        }
    }
}
