using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class SendBack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "send_back_id",
                table: "applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "send_back_missing",
                table: "applications",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "send_back_note",
                table: "applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "send_back_resubmit_by",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "send_back_resubmit_request_id",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "send_back_stage",
                table: "applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "send_back_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "send_back_missing",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "send_back_note",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "send_back_resubmit_by",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "send_back_resubmit_request_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "send_back_stage",
                table: "applications");
        }
    }
}
