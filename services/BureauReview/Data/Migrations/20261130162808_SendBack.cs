using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.BureauReview.Data.Migrations
{
    /// <inheritdoc />
    public partial class SendBack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "missing",
                table: "reviews",
                type: "text[]",
                nullable: false,
                // Rows stored before send-backs existed were never sent back: nothing is missing.
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<Guid>(
                name: "send_back_id",
                table: "reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "working_days_left",
                table: "reviews",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "missing",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "send_back_id",
                table: "reviews");

            migrationBuilder.DropColumn(
                name: "working_days_left",
                table: "reviews");
        }
    }
}
