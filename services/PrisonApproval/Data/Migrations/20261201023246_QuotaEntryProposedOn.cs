using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuotaEntryProposedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "proposed_on",
                table: "quota_entries",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "proposed_on",
                table: "quota_entries");
        }
    }
}
