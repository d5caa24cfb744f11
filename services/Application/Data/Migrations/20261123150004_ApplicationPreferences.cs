using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<DateOnly>>(
                name: "PreferredDates",
                table: "applications",
                type: "date[]",
                nullable: false,
                defaultValueSql: "'{}'::date[]");

            migrationBuilder.AddColumn<string>(
                name: "PreferredPartOfDay",
                table: "applications",
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
                table: "applications");

            migrationBuilder.DropColumn(
                name: "PreferredPartOfDay",
                table: "applications");
        }
    }
}
