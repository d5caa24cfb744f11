using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<DateOnly>>(
                name: "PreferredDates",
                table: "visits",
                type: "date[]",
                nullable: false,
                defaultValueSql: "'{}'::date[]");

            migrationBuilder.AddColumn<string>(
                name: "PreferredPartOfDay",
                table: "visits",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreferredDates",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "PreferredPartOfDay",
                table: "visits");
        }
    }
}
