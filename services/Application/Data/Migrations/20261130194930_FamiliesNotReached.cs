using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <inheritdoc />
    public partial class FamiliesNotReached : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "families_not_reached",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sms_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sms_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_families_not_reached", x => x.id);
                    table.ForeignKey(
                        name: "fk_families_not_reached_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_families_not_reached_application_id_sms_id",
                table: "families_not_reached",
                columns: new[] { "application_id", "sms_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_families_not_reached_office_id_closed_at",
                table: "families_not_reached",
                columns: new[] { "office_id", "closed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "families_not_reached");
        }
    }
}
