using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <inheritdoc />
    public partial class DayOfVisitAndCancellations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_visits_ApplicationId",
                table: "visits");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CheckedInAt",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedInBy",
                table: "visits",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClosureId",
                table: "visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConnectedSince",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "visits",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinutesUsed",
                table: "visits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeReason",
                table: "visits",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeReasonCode",
                table: "visits",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PenaltyMonths",
                table: "visits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReplacedBy",
                table: "visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Severity",
                table: "visits",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartedAt",
                table: "visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "TalkTime",
                table: "visits",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.CreateTable(
                name: "cancellation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cancellation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PrisonId = table.Column<string>(type: "text", nullable: true),
                    VenueId = table.Column<string>(type: "text", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TerminalId = table.Column<string>(type: "text", nullable: true),
                    From = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    To = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Cause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visit_interruptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cause = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    ResumedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_interruptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_visits_ApplicationId",
                table: "visits",
                column: "ApplicationId",
                unique: true,
                filter: "\"Status\" IN ('Proposed', 'Scheduled', 'CheckedIn')");

            migrationBuilder.CreateIndex(
                name: "IX_cancellation_requests_ApplicationId",
                table: "cancellation_requests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_closures_PrisonId_Date",
                table: "closures",
                columns: new[] { "PrisonId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_closures_VenueId_Date",
                table: "closures",
                columns: new[] { "VenueId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_visit_interruptions_VisitId",
                table: "visit_interruptions",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cancellation_requests");

            migrationBuilder.DropTable(
                name: "closures");

            migrationBuilder.DropTable(
                name: "visit_interruptions");

            migrationBuilder.DropIndex(
                name: "IX_visits_ApplicationId",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "CheckedInAt",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "CheckedInBy",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "ClosureId",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "ConnectedSince",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "MinutesUsed",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "OutcomeReason",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "OutcomeReasonCode",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "PenaltyMonths",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "ReplacedBy",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "visits");

            migrationBuilder.DropColumn(
                name: "TalkTime",
                table: "visits");

            migrationBuilder.CreateIndex(
                name: "IX_visits_ApplicationId",
                table: "visits",
                column: "ApplicationId",
                unique: true);
        }
    }
}
